#include "numeric/lineshape/PeakSumModel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace vanadis::lineshape {

PeakSumModel::PeakSumModel(std::vector<double> x, std::vector<PeakComponent> components, int backgroundDegree,
                           double xRef, std::vector<std::string> auxiliary)
    : m_x(std::move(x)), m_components(std::move(components)), m_degree(backgroundDegree), m_xRef(xRef)
{
    for (const PeakComponent& c : m_components) {
        m_offsets.push_back(m_names.size());
        for (const std::string& n : shapeParameterNames(c.shape))
            m_names.push_back(c.name + "_" + n);
        m_names.push_back(c.name + "_area");
    }
    m_bgOffset = m_names.size();
    for (int j = 0; j <= m_degree; ++j)
        m_names.push_back("bg_c" + std::to_string(j));
    for (std::string& a : auxiliary)
        m_names.push_back(std::move(a));
}

int PeakSumModel::parameterIndex(const std::string& name) const
{
    const auto it = std::find(m_names.begin(), m_names.end(), name);
    return it == m_names.end() ? -1 : int(it - m_names.begin());
}

std::vector<fit::Parameter> PeakSumModel::defaultParameters(std::span<const double> start) const
{
    std::vector<fit::Parameter> out;
    const double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        fit::Parameter p;
        p.name = m_names[i];
        p.value = i < start.size() ? start[i] : 1.0;
        const std::string& n = m_names[i];
        auto ends = [&](const char* s) {
            return n.size() >= std::strlen(s) &&
                   n.compare(n.size() - std::strlen(s), std::string::npos, s) == 0;
        };
        if (ends("_fwhm") || ends("_fwhm_l") || ends("_fwhm_right")) p.lower = 1e-9;
        if (ends("_fwhm_l")) p.lower = 0.0;
        if (ends("_area")) p.lower = 0.0;
        if (ends("_eta")) p.lower = 0.0, p.upper = 1.0;
        if (ends("_m")) p.lower = 0.0, p.upper = 100.0;
        if (ends("_exponent") || ends("_alpha") || ends("_beta")) p.lower = 0.5000001, p.upper = inf;
        out.push_back(p);
    }
    return out;
}

void PeakSumModel::evaluate(std::span<const double> p, std::span<double> out) const
{
    const std::size_t n = m_x.size();
    for (std::size_t i = 0; i < n; ++i) {
        double y = 0.0, t = 1.0;
        for (int j = 0; j <= m_degree; ++j, t *= m_x[i] - m_xRef)
            y += p[m_bgOffset + std::size_t(j)] * t;
        out[i] = y;
    }
    for (std::size_t k = 0; k < m_components.size(); ++k) {
        const Shape s = m_components[k].shape;
        const std::size_t np = shapeParameterCount(s);
        const auto sp = p.subspan(m_offsets[k], np);
        const double area = p[m_offsets[k] + np];
        for (std::size_t i = 0; i < n; ++i)
            out[i] += area * density(s, m_x[i], sp);
    }
}

bool PeakSumModel::jacobian(std::span<const double> p, std::span<double> jac) const
{
    const std::size_t n = m_x.size();
    double g[8];
    for (std::size_t k = 0; k < m_components.size(); ++k) {
        const Shape s = m_components[k].shape;
        const std::size_t np = shapeParameterCount(s), off = m_offsets[k];
        const auto sp = p.subspan(off, np);
        const double area = p[off + np];
        for (std::size_t i = 0; i < n; ++i) {
            const double d = density(s, m_x[i], sp, g);
            for (std::size_t j = 0; j < np; ++j)
                jac[(off + j) * n + i] = area * g[j];
            jac[(off + np) * n + i] = d;
        }
    }
    for (int j = 0; j <= m_degree; ++j) {
        double* col = jac.data() + (m_bgOffset + std::size_t(j)) * n;
        for (std::size_t i = 0; i < n; ++i) {
            double t = 1.0;
            for (int e = 0; e < j; ++e)
                t *= m_x[i] - m_xRef;
            col[i] = t;
        }
    }
    // Auxiliary parameters act only through ties: their own columns are zero.
    const std::size_t aux0 = m_bgOffset + std::size_t(m_degree + 1);
    std::fill(jac.begin() + std::ptrdiff_t(aux0 * n), jac.end(), 0.0);
    return true;
}

std::vector<double> PeakSumModel::componentCurve(std::size_t k, std::span<const double> p,
                                                 std::span<const double> x) const
{
    const Shape s = m_components[k].shape;
    const std::size_t np = shapeParameterCount(s);
    const auto sp = p.subspan(m_offsets[k], np);
    std::vector<double> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = p[m_offsets[k] + np] * density(s, x[i], sp);
    return out;
}

std::vector<double> PeakSumModel::backgroundCurve(std::span<const double> p, std::span<const double> x) const
{
    std::vector<double> out(x.size(), 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        double t = 1.0;
        for (int j = 0; j <= m_degree; ++j, t *= x[i] - m_xRef)
            out[i] += p[m_bgOffset + std::size_t(j)] * t;
    }
    return out;
}

} // namespace vanadis::lineshape
