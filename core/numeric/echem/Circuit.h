#pragma once
/// \file Circuit.h
/// Equivalent circuits for impedance spectra, written as text in the impedance.py convention
/// (echem.md §6): elements are a type name plus an index (`R0`, `CPE1`, `Wo1`), `-` joins in series
/// and `p(a,b,…)` is a parallel group that nests, e.g. "R0-p(R1,CPE1)-W1". Z(ω) and its exact
/// derivatives with respect to every parameter come from one recursive pass over the element tree.
///
/// Element impedances (ω = 2πf, j² = −1, Z'' negative for capacitive behaviour):
///   R: R · C: 1/(jωC) · L: jωL · CPE (Q, n): 1/(Q(jω)ⁿ) · W (σ): σω^−½(1 − j) ·
///   Ws (R, τ): R·tanh√(jωτ)/√(jωτ) · Wo (R, τ): R·coth√(jωτ)/√(jωτ) · Zarc (R, Q, n): R/(1 + RQ(jω)ⁿ).
///
/// Parameter names: one-parameter elements are named as the element (`R0`, `C1`, `L0`, `W1`, in Ω,
/// F, H, Ω s^−½); the others get a suffix: `CPE1_Q` (F s^(n−1)), `CPE1_n` (1), `Wo1_R` (Ω),
/// `Wo1_tau` (s), `Zarc1_R`, `Zarc1_Q`, `Zarc1_n`. impedance.py's positional names (`CPE1_0`,
/// `CPE1_1`) are accepted by indexOf(), so its "constants" maps can be pasted.

#include "numeric/Error.h"

#include <complex>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vanadis::echem {

/// Element types a circuit string may contain.
enum class ElementType { R, C, L, Cpe, W, Wo, Ws, Zarc };

/// One parameter of a circuit, in order of appearance in the string.
struct CircuitParameter {
    std::string name;    ///< "R0", "CPE1_Q", "Wo1_tau"
    std::string unit;    ///< "Ohm", "F", "H", "F s^(n-1)", "Ohm s^-1/2", "s", "" (exponents)
    std::string element; ///< element name, "CPE1"
    int position = 0;    ///< index within the element (impedance.py's `_0`, `_1`)
    double lower = 0.0;  ///< default bound: [0, ∞), exponents [0, 1] (impedance.py defaults)
    double upper = 0.0;
};

/// A parsed circuit: an element tree plus its parameter list. Cheap to copy.
class Circuit {
public:
    /// Parses \a text. Errors name the 1-based character position ("character 7") in Error::location
    /// and say what was expected there; whitespace is ignored; element names must be unique.
    static Expected<Circuit> parse(std::string_view text);

    /// The string as parsed, without whitespace.
    const std::string& text() const { return m_text; }
    const std::vector<CircuitParameter>& parameters() const { return m_params; }
    std::size_t parameterCount() const { return m_params.size(); }
    /// Index of the parameter \a name ("CPE1_Q" or impedance.py's "CPE1_0"), or −1.
    int indexOf(std::string_view name) const;

    /// Z(ω) in Ω for angular frequency \a omegaRadS and parameters \a p (parameterCount()).
    std::complex<double> impedance(double omegaRadS, std::span<const double> p) const;
    /// Z(ω) and ∂Z/∂p_k into \a gradient (parameterCount() values).
    std::complex<double> impedance(double omegaRadS, std::span<const double> p,
                                   std::span<std::complex<double>> gradient) const;

    /// Start values from a measured spectrum (frequencies in Hz, Z' and Z'' in Ω, Z'' negative for
    /// capacitive), so the user need not guess: series R = the high-frequency intercept, arcs from the
    /// local maxima of −Z'' (R = twice the distance of the apex from the intercept, C or Q from the
    /// apex frequency ω = 1/(RC), n = 0.9), W from −Z''·√ω at the lowest frequency, Wo/Ws from the
    /// low-frequency rest with τ = 1/ω_min, L from inductive high-frequency points, a series C from
    /// −1/(ωZ'') at the lowest frequency. Always finite and inside the default bounds.
    std::vector<double> initialGuess(std::span<const double> frequencyHz, std::span<const double> zReal,
                                     std::span<const double> zImag) const;

    /// A resistor in parallel with a CPE: p(Rk, CPEk) with exactly these two branches, or a Zarc.
    struct RCpePair {
        std::string element; ///< "CPE1" or "Zarc1"
        int rIndex = 0;      ///< parameter indices
        int qIndex = 0;
        int nIndex = 0;
    };
    /// Every R‖CPE pair, in order of appearance (for effective capacitances).
    std::vector<RCpePair> rCpePairs() const;

    /// Node of the element tree.
    struct Node {
        enum class Kind { Element, Series, Parallel } kind = Kind::Element;
        ElementType type = ElementType::R;
        std::string name;
        std::vector<int> children;
        int firstParam = 0; ///< parameters of the subtree are [firstParam, endParam)
        int endParam = 0;
    };

    /// The element tree for drawing (widgets/echem/CircuitPreview): nodes()[root()] is the root;
    /// series and parallel nodes list their children in order of appearance.
    const std::vector<Node>& nodes() const { return m_nodes; }
    int root() const { return m_root; }

private:
    std::string m_text;
    std::vector<Node> m_nodes; ///< m_nodes[m_root] is the root
    int m_root = 0;
    std::vector<CircuitParameter> m_params;

    friend class CircuitParser;
};

/// Number of parameters of an element type (R 1, CPE 2, Zarc 3, …).
int elementParameterCount(ElementType type);

/// Effective capacitance of R‖CPE by Hsu & Mansfeld (Corrosion 57 (2001) 747):
/// C = Q^{1/n}·R^{(1−n)/n} (F, with Q in F s^(n−1), R in Ω); n = 1 gives C = Q.
double hsuMansfeldCapacitanceF(double rOhm, double q, double n);
/// Apex (characteristic) frequency of R‖CPE: ω = (R·Q)^{−1/n}, returned as f = ω/2π in Hz.
double rCpeApexFrequencyHz(double rOhm, double q, double n);

} // namespace vanadis::echem
