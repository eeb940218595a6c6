#pragma once
/// \file PeakSumModel.h
/// A spectrum model: a sum of area-parameterised line-shape components on a polynomial
/// background, with an exact Jacobian. Sharing between components (equal widths, a fixed
/// spin–orbit splitting, a 2:1 area ratio) is done with the engine's ties on the generated
/// parameter names, e.g. `V2p12_area = V2p32_area*0.5`, `V2p12_center = V2p32_center + 7.4`,
/// `O1s_b_fwhm = =O1s_a_fwhm`, so the XPS, XRD and EIS slices only add their own pieces.

#include "numeric/fit/Model.h"
#include "numeric/fit/Parameter.h"
#include "numeric/lineshape/LineShape.h"

#include <string>
#include <vector>

namespace vanadis::lineshape {

/// One peak: a name (an identifier, used as the prefix of its parameter names) and a shape.
struct PeakComponent {
    std::string name;
    Shape shape = Shape::PseudoVoigt;
};

/// y(x) = Σ_k area_k·density_k(x) + Σ_j c_j (x − xRef)^j.
/// Parameters, in this order: for each component `<name>_<shape parameter>` ("center", "fwhm",
/// extras) then `<name>_area`; then `bg_c0` … `bg_c<degree>` (none for degree −1); then the
/// auxiliary parameters.
class PeakSumModel final : public fit::Model {
public:
    /// \a auxiliary names extra parameters that enter the curve only through ties (a shared
    /// spin–orbit splitting `dSO`, a width ratio `k`); they come last in the parameter order.
    PeakSumModel(std::vector<double> x, std::vector<PeakComponent> components, int backgroundDegree = -1,
                 double xRef = 0.0, std::vector<std::string> auxiliary = {});

    const std::vector<std::string>& parameterNames() const { return m_names; }
    /// Index of a parameter by name, or −1.
    int parameterIndex(const std::string& name) const;
    /// First parameter index of component \a k.
    std::size_t componentOffset(std::size_t k) const { return m_offsets[k]; }
    const std::vector<PeakComponent>& components() const { return m_components; }
    /// Parameters with the given names and start values, all free and unbounded (widths > 0,
    /// areas ≥ 0 and shape mixing within its range are set as bounds).
    std::vector<fit::Parameter> defaultParameters(std::span<const double> start) const;

    /// Curve of component \a k alone at points \a x (for drawing).
    std::vector<double> componentCurve(std::size_t k, std::span<const double> p,
                                       std::span<const double> x) const;
    /// The background alone at points \a x.
    std::vector<double> backgroundCurve(std::span<const double> p, std::span<const double> x) const;

    std::size_t parameterCount() const override { return m_names.size(); }
    std::size_t pointCount() const override { return m_x.size(); }
    void evaluate(std::span<const double> p, std::span<double> out) const override;
    bool jacobian(std::span<const double> p, std::span<double> jac) const override;

private:
    std::vector<double> m_x;
    std::vector<PeakComponent> m_components;
    std::vector<std::size_t> m_offsets;
    std::vector<std::string> m_names;
    int m_degree;
    double m_xRef;
    std::size_t m_bgOffset = 0;
};

} // namespace vanadis::lineshape
