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

/// Node values that do not change during a fit (see Expression::staticCache).
struct ExpressionCache {
    std::size_t n = 0;
    std::vector<char> isStatic; ///< per node
    std::vector<double> values; ///< nodes × n, valid where isStatic
};

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
    /// \a cache (optional, from staticCache() with the same n and the same static columns)
    /// supplies the nodes that depend only on static variables, so that cos(2*pi*x/12) is not
    /// recomputed for every iteration of a fit.
    /// \a forwardIsCurrent: the caller guarantees that the last evaluateColumns on this thread was
    /// this expression with the same n, vars and cache (check with evaluationStamp()); the forward
    /// sweep is then skipped, \a out is left untouched, and only the Jacobian is computed (the LM
    /// loop asks for the Jacobian at the point whose residual it has just evaluated).
    void evaluateColumns(std::size_t n, std::span<const std::span<const double>> vars, std::span<double> out,
                         double* jacobian = nullptr, std::span<const int> gradVars = {},
                         const struct ExpressionCache* cache = nullptr, bool forwardIsCurrent = false) const;

    /// Counter of evaluateColumns calls on this thread (any expression): equal before and after
    /// some code means no expression was evaluated in between.
    static unsigned long long evaluationStamp();

    /// Values of every node that depends only on the variables flagged in \a isStatic (data
    /// columns that never change during a fit), for \a n points. \a vars as for evaluateColumns;
    /// non-static entries may be any value.
    ExpressionCache staticCache(std::size_t n, std::span<const std::span<const double>> vars,
                                const std::vector<bool>& isStatic) const;

    /// Variables the value actually depends on (false for a variable that only appears as 0*v).
    const std::vector<bool>& usedVariables() const { return m_used; }

    /// One tape instruction; public only so that the .cpp's helpers can build it.
    struct Node {
        int op = 0;     ///< an Op of Expression.cpp
        int a = -1;     ///< first operand (node index)
        int b = -1;     ///< second operand (node index)
        double c = 0.0; ///< constant value (op Const) or variable index (op Var)
    };

private:
    std::string m_text;
    std::vector<std::string> m_variables;
    std::vector<Node> m_nodes; ///< topological order; the last node is the result
    std::vector<bool> m_used;
    std::vector<int> m_partner;
    static std::vector<double>&
    s_lastValues(); ///< the forward values of the last evaluation on this thread ///< for a Sin node the Cos
                    ///< node of the same argument (and vice versa), or −1
    friend class ExpressionParser;
};

} // namespace vanadis::fit
