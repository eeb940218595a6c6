#pragma once
/// \file Expression.h
/// A small arithmetic expression language for user models (`a*exp(-x/t)+c`) and parameter ties
/// (`A*0.5`, `B+7.3`). Own parser instead of muparser because the fit needs exact derivatives:
/// the compiled tape is evaluated over whole data columns and differentiated in reverse mode
/// (adjoint accumulation, Griewank & Walther 2008), which muparser cannot do.
///
/// Grammar: + − * / and ^ or ** (right associative, binds tighter than unary minus: -x^2 = −(x²));
/// ( ) and [ ] as brackets (NIST StRD headers write exp[−b2*x]); numbers as 12, .5, 1.0E-3, 1d3;
/// functions exp, ln, log (natural), log10, sqrt, sin, cos, tan, asin, acos, atan (arctan),
/// sinh, cosh, tanh, abs, erf, erfc, pow(a,b), atan2(y,x), min(a,b), max(a,b); constant pi.
/// Every other identifier is a variable, in order of first appearance.

#include "numeric/Error.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vanadis::fit {

/// A parsed and compiled expression. Cheap to copy; evaluation is const and thread-safe.
class Expression {
public:
    /// Parses \a text. Errors name the 1-based character position ("character 7") and what was
    /// expected there.
    static Expected<Expression> parse(std::string_view text);

    /// The expression as given.
    const std::string& text() const { return m_text; }
    /// Identifiers that are not functions or constants, in order of first appearance.
    const std::vector<std::string>& variables() const { return m_variables; }
    /// Index of \a name in variables(), or −1.
    int variableIndex(std::string_view name) const;

    /// Value for one set of variable values (variables() order).
    double evaluate(std::span<const double> vars) const;
    /// Value and gradient ∂/∂vars (size variables().size()).
    double evaluate(std::span<const double> vars, std::span<double> gradient) const;

    /// Vectorised evaluation over \a n points. \a vars has one span per variable: size n (a data
    /// column such as x) or size 1 (a scalar such as a parameter). \a out receives n values. When
    /// \a jacobian is non-null it receives ∂out/∂var for the variables listed in \a gradVars, as a
    /// column-major n × gradVars.size() block (column k ↔ gradVars[k]).
    void evaluateColumns(std::size_t n, std::span<const std::span<const double>> vars, std::span<double> out,
                         double* jacobian = nullptr, std::span<const int> gradVars = {}) const;

    /// Variables the value actually depends on (false for a variable that only appears as 0*v).
    const std::vector<bool>& usedVariables() const { return m_used; }

    /// One tape instruction; public only so that the .cpp's helpers can build it.
    struct Node {
        int op = 0;      ///< an Op of Expression.cpp
        int a = -1;      ///< first operand (node index)
        int b = -1;      ///< second operand (node index)
        double c = 0.0;  ///< constant value (op Const) or variable index (op Var)
    };

private:
    std::string m_text;
    std::vector<std::string> m_variables;
    std::vector<Node> m_nodes; ///< topological order; the last node is the result
    std::vector<bool> m_used;
    friend class ExpressionParser;
};

} // namespace vanadis::fit
