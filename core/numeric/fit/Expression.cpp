#include "numeric/fit/Expression.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <numbers>
#include <stdexcept>
#include <tuple>

namespace vanadis::fit {

namespace {

enum Op : int {
    Const,
    Var,
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Exp,
    Log,
    Log10,
    Sqrt,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Abs,
    Erf,
    Erfc,
    Atan2,
    Min,
    Max
};

struct FunctionName {
    const char* name;
    Op op;
    int arity;
};

constexpr FunctionName kFunctions[] = {
    {"exp", Exp, 1},   {"ln", Log, 1},      {"log", Log, 1},   {"log10", Log10, 1}, {"sqrt", Sqrt, 1},
    {"sin", Sin, 1},   {"cos", Cos, 1},     {"tan", Tan, 1},   {"asin", Asin, 1},   {"arcsin", Asin, 1},
    {"acos", Acos, 1}, {"arccos", Acos, 1}, {"atan", Atan, 1}, {"arctan", Atan, 1}, {"sinh", Sinh, 1},
    {"cosh", Cosh, 1}, {"tanh", Tanh, 1},   {"abs", Abs, 1},   {"erf", Erf, 1},     {"erfc", Erfc, 1},
    {"pow", Pow, 2},   {"atan2", Atan2, 2}, {"min", Min, 2},   {"max", Max, 2},
};

/// a^b, by multiplication for small integer exponents (x**2, x**3 in NIST models; exact and faster).
inline double power(double a, double b)
{
    if (b == 2.0) return a * a;
    if (b == 3.0) return a * a * a;
    if (b == 1.0) return a;
    if (b == 4.0) {
        const double a2 = a * a;
        return a2 * a2;
    }
    if (b == -1.0) return 1.0 / a;
    if (b == -2.0) return 1.0 / (a * a);
    if (b == 0.5) return std::sqrt(a);
    return std::pow(a, b);
}

double apply(int op, double a, double b)
{
    switch (op) {
    case Neg:
        return -a;
    case Add:
        return a + b;
    case Sub:
        return a - b;
    case Mul:
        return a * b;
    case Div:
        return a / b;
    case Pow:
        return power(a, b);
    case Exp:
        return std::exp(a);
    case Log:
        return std::log(a);
    case Log10:
        return std::log10(a);
    case Sqrt:
        return std::sqrt(a);
    case Sin:
        return std::sin(a);
    case Cos:
        return std::cos(a);
    case Tan:
        return std::tan(a);
    case Asin:
        return std::asin(a);
    case Acos:
        return std::acos(a);
    case Atan:
        return std::atan(a);
    case Sinh:
        return std::sinh(a);
    case Cosh:
        return std::cosh(a);
    case Tanh:
        return std::tanh(a);
    case Abs:
        return std::abs(a);
    case Erf:
        return std::erf(a);
    case Erfc:
        return std::erfc(a);
    case Atan2:
        return std::atan2(a, b);
    case Min:
        return std::min(a, b);
    case Max:
        return std::max(a, b);
    default:
        return 0.0;
    }
}

/// e^a over n points, 4 at a time with GCC/Clang vector extensions (SSE2 pairs on the baseline
/// x86-64 target): range reduction a = k·ln2 + r with ln2 split in two (Cody & Waite 1980), the
/// Taylor series of e^r to r^13 (truncation < 0.03 ulp for |r| ≤ ln2/2) by Estrin's scheme, and
/// 2^k put into the exponent bits. Within 1 ulp of std::exp (checked on 10^6 values); arguments
/// outside [−708, 709] (overflow, subnormal results, NaN) are redone by std::exp or set to 0. glibc's exp is
/// a call per point and was the largest single cost of evaluating NIST's exponential models.
void expColumn(const double* a, double* v, std::size_t n)
{
    typedef double V4 __attribute__((vector_size(32)));
    typedef std::uint64_t U4 __attribute__((vector_size(32)));
    constexpr double log2e = 1.4426950408889634074;
    constexpr double ln2hi = 6.93147180369123816490e-01, ln2lo = 1.90821492927058770002e-10;
    constexpr double shifter = 6755399441055744.0; // 1.5·2^52: adding it rounds to an integer
    auto block = [&](const double* in, double* out) {
        V4 x;
        std::memcpy(&x, in, sizeof x);
        const V4 t = x * log2e + shifter;
        const V4 k = t - shifter;
        const V4 r = (x - k * ln2hi) - k * ln2lo;
        const V4 r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        const V4 q0 = 1.0 / 2.0 + r * (1.0 / 6.0), q1 = 1.0 / 24.0 + r * (1.0 / 120.0);
        const V4 q2 = 1.0 / 720.0 + r * (1.0 / 5040.0), q3 = 1.0 / 40320.0 + r * (1.0 / 362880.0);
        const V4 q4 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0);
        const V4 q5 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0);
        const V4 p = r + r2 * ((q0 + r2 * q1) + r4 * (q2 + r2 * q3) + r8 * (q4 + r2 * q5));
        U4 bits;
        std::memcpy(&bits, &t, sizeof bits);
        bits = (bits + 1023u) << 52;
        V4 scale;
        std::memcpy(&scale, &bits, sizeof scale);
        const V4 y = (1.0 + p) * scale;
        std::memcpy(out, &y, sizeof y);
    };
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        block(a + i, v + i);
    if (i < n) { // the last 1–3 points through a padded block
        double in[4] = {0.0, 0.0, 0.0, 0.0}, out[4];
        std::copy(a + i, a + n, in);
        block(in, out);
        std::copy(out, out + (n - i), v + i);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!(a[i] >= -708.0 && a[i] <= 709.0))
            v[i] = a[i] < -746.0 ? 0.0 : std::exp(a[i]); // below −745.2 e^a rounds to 0 (Gauss tails)
}

struct ParseError {
    std::size_t pos;
    std::string reason;
};

} // namespace

/// Recursive-descent parser producing the tape with constant sub-expressions folded.
class ExpressionParser {
public:
    explicit ExpressionParser(Expression& e) : m_e(e), m_s(e.m_text) {}

    void run()
    {
        skip();
        if (m_pos >= m_s.size()) throw ParseError{0, "the expression is empty"};
        const int root = parseSum();
        skip();
        if (m_pos < m_s.size()) {
            const char c = m_s[m_pos];
            if (c == ')' || c == ']') throw ParseError{m_pos, std::string("unmatched '") + c + "'"};
            throw ParseError{m_pos, std::string("expected an operator (+ - * / ^) before '") + c + "'"};
        }
        compact(root);
    }

private:
    Expression& m_e;
    const std::string& m_s;
    std::size_t m_pos = 0;
    std::map<std::tuple<int, int, int, double>, int> m_seen;

    void skip()
    {
        while (m_pos < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_pos])))
            ++m_pos;
    }
    bool peek(char c)
    {
        skip();
        return m_pos < m_s.size() && m_s[m_pos] == c;
    }
    int push(int op, int a = -1, int b = -1, double c = 0.0)
    {
        auto& n = m_e.m_nodes;
        // Fold constants so that 2*pi/12 costs nothing per point and `x^2` keeps a constant exponent.
        const bool ca = a >= 0 && n[std::size_t(a)].op == Const;
        const bool cb = b < 0 || n[std::size_t(b)].op == Const;
        if (op != Const && op != Var && ca && cb) {
            c = apply(op, n[std::size_t(a)].c, b >= 0 ? n[std::size_t(b)].c : 0.0);
            op = Const;
            a = b = -1;
        }
        // Common subexpressions share one node (ENSO's 2*pi*x/b4 under both cos and sin); the
        // reverse sweep accumulates adjoints, so a shared node is differentiated correctly.
        const auto key = std::make_tuple(op, a, b, c);
        if (auto it = m_seen.find(key); it != m_seen.end()) return it->second;
        n.push_back({op, a, b, c});
        m_seen.emplace(key, int(n.size()) - 1);
        return int(n.size()) - 1;
    }

    /// Keeps only the nodes the result depends on (folded operands become dead), root last.
    void compact(int root)
    {
        auto& n = m_e.m_nodes;
        std::vector<char> keep(n.size(), 0);
        keep[std::size_t(root)] = 1;
        for (int k = root; k >= 0; --k) {
            if (!keep[std::size_t(k)]) continue;
            if (n[std::size_t(k)].a >= 0) keep[std::size_t(n[std::size_t(k)].a)] = 1;
            if (n[std::size_t(k)].b >= 0) keep[std::size_t(n[std::size_t(k)].b)] = 1;
        }
        std::vector<int> map(n.size(), -1);
        std::vector<Expression::Node> out;
        for (int k = 0; k <= root; ++k) {
            if (!keep[std::size_t(k)]) continue;
            Expression::Node nd = n[std::size_t(k)];
            if (nd.a >= 0) nd.a = map[std::size_t(nd.a)];
            if (nd.b >= 0) nd.b = map[std::size_t(nd.b)];
            map[std::size_t(k)] = int(out.size());
            out.push_back(nd);
        }
        n = std::move(out);
    }

    int parseSum()
    {
        int lhs = parseProduct();
        for (;;) {
            skip();
            if (m_pos >= m_s.size()) return lhs;
            const char c = m_s[m_pos];
            if (c != '+' && c != '-') return lhs;
            ++m_pos;
            const int rhs = parseProduct();
            lhs = push(c == '+' ? Add : Sub, lhs, rhs);
        }
    }
    int parseProduct()
    {
        int lhs = parseUnary();
        for (;;) {
            skip();
            if (m_pos >= m_s.size()) return lhs;
            const char c = m_s[m_pos];
            if (c == '*' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '*')
                return lhs; // power, handled below
            if (c != '*' && c != '/') return lhs;
            ++m_pos;
            const int rhs = parseUnary();
            lhs = push(c == '*' ? Mul : Div, lhs, rhs);
        }
    }
    int parseUnary()
    {
        skip();
        if (m_pos < m_s.size() && (m_s[m_pos] == '-' || m_s[m_pos] == '+')) {
            const bool neg = m_s[m_pos] == '-';
            ++m_pos;
            const int a = parseUnary();
            return neg ? push(Neg, a) : a;
        }
        return parsePower();
    }
    int parsePower()
    {
        const int base = parsePrimary();
        skip();
        if (m_pos < m_s.size() &&
            (m_s[m_pos] == '^' || (m_s[m_pos] == '*' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '*'))) {
            m_pos += m_s[m_pos] == '^' ? 1 : 2;
            const int exponent = parseUnary(); // right associative; allows 2^-x
            return push(Pow, base, exponent);
        }
        return base;
    }
    int parsePrimary()
    {
        skip();
        if (m_pos >= m_s.size())
            throw ParseError{m_pos, "the expression ends where a number, name or '(' is expected"};
        const char c = m_s[m_pos];
        if (c == '(' || c == '[') {
            const std::size_t open = m_pos++;
            const int inner = parseSum();
            const char close = c == '(' ? ')' : ']';
            if (!peek(close)) {
                if (m_pos >= m_s.size()) throw ParseError{open, std::string("'") + c + "' is never closed"};
                throw ParseError{m_pos, std::string("expected '") + close + "' here"};
            }
            ++m_pos;
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && m_pos + 1 < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_pos + 1]))))
            return parseNumber();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') return parseName();
        throw ParseError{m_pos, std::string("unexpected '") + c + "'"};
    }
    int parseNumber()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_pos])))
            ++m_pos;
        if (m_pos < m_s.size() && m_s[m_pos] == '.') {
            ++m_pos;
            while (m_pos < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_pos])))
                ++m_pos;
        }
        std::string digits = m_s.substr(start, m_pos - start);
        if (m_pos < m_s.size() &&
            (m_s[m_pos] == 'e' || m_s[m_pos] == 'E' || m_s[m_pos] == 'd' || m_s[m_pos] == 'D')) {
            std::size_t p = m_pos + 1;
            if (p < m_s.size() && (m_s[p] == '+' || m_s[p] == '-')) ++p;
            if (p < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[p]))) {
                while (p < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[p])))
                    ++p;
                std::string exponent = m_s.substr(m_pos + 1, p - m_pos - 1);
                digits += "e" + exponent;
                m_pos = p;
            } else {
                throw ParseError{m_pos,
                                 "incomplete exponent in number '" + m_s.substr(start, p - start) + "'"};
            }
        }
        if (m_pos < m_s.size() && (std::isalpha(static_cast<unsigned char>(m_s[m_pos])) || m_s[m_pos] == '_'))
            throw ParseError{m_pos, "a number is directly followed by a name (write 2*x, not 2x)"};
        return push(Const, -1, -1, std::strtod(digits.c_str(), nullptr));
    }
    int parseName()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_s.size() &&
               (std::isalnum(static_cast<unsigned char>(m_s[m_pos])) || m_s[m_pos] == '_'))
            ++m_pos;
        const std::string name = m_s.substr(start, m_pos - start);
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return char(std::tolower(ch)); });
        if (peek('(') || peek('[')) {
            const FunctionName* f = nullptr;
            for (const auto& fn : kFunctions)
                if (lower == fn.name) f = &fn;
            if (!f) throw ParseError{start, "unknown function '" + name + "'"};
            const char open = m_s[m_pos];
            const char close = open == '(' ? ')' : ']';
            const std::size_t openPos = m_pos++;
            const int a = parseSum();
            int b = -1;
            if (f->arity == 2) {
                if (!peek(','))
                    throw ParseError{m_pos, "'" + name + "' takes two arguments separated by ','"};
                ++m_pos;
                b = parseSum();
            }
            if (peek(','))
                throw ParseError{m_pos, "'" + name + "' takes " +
                                            (f->arity == 1 ? "one argument" : "two arguments")};
            if (!peek(close)) {
                if (m_pos >= m_s.size())
                    throw ParseError{openPos, std::string("'") + open + "' is never closed"};
                throw ParseError{m_pos, std::string("expected '") + close + "' here"};
            }
            ++m_pos;
            return push(f->op, a, b);
        }
        for (const auto& fn : kFunctions)
            if (lower == fn.name)
                throw ParseError{start, "function '" + name + "' needs an argument in brackets"};
        if (lower == "pi") return push(Const, -1, -1, std::numbers::pi);
        int index = m_e.variableIndex(name);
        if (index < 0) {
            m_e.m_variables.push_back(name);
            index = int(m_e.m_variables.size()) - 1;
        }
        return push(Var, -1, -1, double(index));
    }
};

Expected<Expression> Expression::parse(std::string_view text)
{
    Expression e;
    e.m_text = std::string(text);
    try {
        ExpressionParser(e).run();
    } catch (const ParseError& pe) {
        std::string shown = e.m_text;
        return fail("", "character " + std::to_string(pe.pos + 1), pe.reason + " in '" + shown + "'");
    }
    // Which variables reach the result through a dependence (0*v folds away nothing, so mark
    // every variable that appears; a true dependence test is done on the Jacobian by the fit).
    e.m_partner.assign(e.m_nodes.size(), -1);
    for (std::size_t k = 0; k < e.m_nodes.size(); ++k)
        for (std::size_t j = 0; j < e.m_nodes.size(); ++j)
            if (e.m_nodes[j].a == e.m_nodes[k].a && ((e.m_nodes[k].op == Sin && e.m_nodes[j].op == Cos) ||
                                                     (e.m_nodes[k].op == Cos && e.m_nodes[j].op == Sin)))
                e.m_partner[k] = int(j);
    e.m_used.assign(e.m_variables.size(), false);
    for (const Node& n : e.m_nodes)
        if (n.op == Var) e.m_used[std::size_t(n.c)] = true;
    return e;
}

int Expression::variableIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < m_variables.size(); ++i)
        if (m_variables[i] == name) return int(i);
    return -1;
}

double Expression::evaluate(std::span<const double> vars) const
{
    std::vector<std::span<const double>> cols;
    cols.reserve(vars.size());
    for (const double& v : vars)
        cols.emplace_back(&v, 1);
    double out = 0.0;
    evaluateColumns(1, cols, std::span<double>(&out, 1));
    return out;
}

double Expression::evaluate(std::span<const double> vars, std::span<double> gradient) const
{
    std::vector<std::span<const double>> cols;
    std::vector<int> all(vars.size());
    cols.reserve(vars.size());
    for (std::size_t i = 0; i < vars.size(); ++i) {
        cols.emplace_back(&vars[i], 1);
        all[i] = int(i);
    }
    double out = 0.0;
    evaluateColumns(1, cols, std::span<double>(&out, 1), gradient.data(), all);
    return out;
}

namespace {

/// The forward values of the last evaluateColumns on this thread, kept for the reuse of the
/// forward sweep by a following Jacobian request and for staticCache(). A node's values are a
/// single number when they are the same at every point (\a uniform: constants, parameters and
/// what is computed from them only), otherwise \a ptr points at n values: the caller's data column
/// for a variable, the static cache, or this sweep's own storage.
struct Sweep {
    std::vector<double> val; ///< nodes × n storage of the computed non-uniform nodes
    std::vector<const double*> ptr;
    std::vector<char> uniform;
    std::vector<double> scalar; ///< value of a uniform node
    std::vector<double> adj;    ///< nodes × n adjoints
    std::vector<double*> gptr;  ///< adjoint of each live node (a Jacobian column for a variable)
    std::vector<int> column;
    std::vector<char> live;
    std::size_t n = 0;
};
thread_local Sweep t_sweep;
thread_local unsigned long long t_evaluationStamp = 0;

/// f over n points of a node with operands a (and b), each uniform or not.
template <class F>
inline void forwardBinary(Sweep& s, std::size_t k, int a, int b, std::size_t n, F f)
{
    const bool ua = s.uniform[std::size_t(a)], ub = s.uniform[std::size_t(b)];
    if (ua && ub) {
        s.uniform[k] = 1;
        s.scalar[k] = f(s.scalar[std::size_t(a)], s.scalar[std::size_t(b)]);
        return;
    }
    s.uniform[k] = 0;
    double* v = s.val.data() + k * n;
    s.ptr[k] = v;
    const double* pa = s.ptr[std::size_t(a)];
    const double* pb = s.ptr[std::size_t(b)];
    if (ua) {
        const double a0 = s.scalar[std::size_t(a)];
        for (std::size_t i = 0; i < n; ++i)
            v[i] = f(a0, pb[i]);
    } else if (ub) {
        const double b0 = s.scalar[std::size_t(b)];
        for (std::size_t i = 0; i < n; ++i)
            v[i] = f(pa[i], b0);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            v[i] = f(pa[i], pb[i]);
    }
}

template <class F>
inline void forwardUnary(Sweep& s, std::size_t k, int a, std::size_t n, F f)
{
    if (s.uniform[std::size_t(a)]) {
        s.uniform[k] = 1;
        s.scalar[k] = f(s.scalar[std::size_t(a)]);
        return;
    }
    s.uniform[k] = 0;
    double* v = s.val.data() + k * n;
    s.ptr[k] = v;
    const double* pa = s.ptr[std::size_t(a)];
    for (std::size_t i = 0; i < n; ++i)
        v[i] = f(pa[i]);
}

/// dst[i] += sign·g[i]·w(i) for a node's values w that may be uniform.
inline void accumulate(double* dst, const double* g, const Sweep& s, int w, double sign, std::size_t n)
{
    if (s.uniform[std::size_t(w)]) {
        const double c = sign * s.scalar[std::size_t(w)];
        for (std::size_t i = 0; i < n; ++i)
            dst[i] += g[i] * c;
    } else {
        const double* p = s.ptr[std::size_t(w)];
        if (sign > 0.0)
            for (std::size_t i = 0; i < n; ++i)
                dst[i] += g[i] * p[i];
        else
            for (std::size_t i = 0; i < n; ++i)
                dst[i] -= g[i] * p[i];
    }
}

inline double at(const Sweep& s, int node, std::size_t i)
{
    return s.uniform[std::size_t(node)] ? s.scalar[std::size_t(node)] : s.ptr[std::size_t(node)][i];
}

} // namespace

ExpressionCache Expression::staticCache(std::size_t n, std::span<const std::span<const double>> vars,
                                        const std::vector<bool>& isStatic) const
{
    ExpressionCache c;
    c.n = n;
    c.isStatic.assign(m_nodes.size(), 0);
    for (std::size_t k = 0; k < m_nodes.size(); ++k) {
        const Node& nd = m_nodes[k];
        if (nd.op == Const)
            c.isStatic[k] = 1;
        else if (nd.op == Var)
            c.isStatic[k] = std::size_t(nd.c) < isStatic.size() && isStatic[std::size_t(nd.c)];
        else
            c.isStatic[k] = c.isStatic[std::size_t(nd.a)] && (nd.b < 0 || c.isStatic[std::size_t(nd.b)]);
    }
    std::vector<double> out(n);
    evaluateColumns(n, vars, out);
    const Sweep& s = t_sweep;
    c.values.assign(m_nodes.size() * n, 0.0);
    for (std::size_t k = 0; k < m_nodes.size(); ++k) {
        // Constants and bare variables are cheap to fill; cache only real work (and only nodes
        // that vary from point to point: uniform ones cost one operation).
        if (m_nodes[k].op == Const || m_nodes[k].op == Var || s.uniform[k]) {
            c.isStatic[k] = 0;
            continue;
        }
        if (c.isStatic[k]) std::copy_n(s.ptr[k], n, c.values.data() + k * n);
    }
    return c;
}

std::vector<double>& Expression::s_lastValues()
{
    return t_sweep.val;
}

unsigned long long Expression::evaluationStamp()
{
    return t_evaluationStamp;
}

void Expression::evaluateColumns(std::size_t n, std::span<const std::span<const double>> vars,
                                 std::span<double> out, double* jacobian, std::span<const int> gradVars,
                                 const ExpressionCache* cache, bool forwardIsCurrent) const
{
    const std::size_t nn = m_nodes.size();
    Sweep& s = t_sweep;
    ++t_evaluationStamp;
    // Defensive: the caller's promise cannot hold for a sweep of another size.
    if (s.n != n || s.uniform.size() != nn || s.val.size() != nn * n) forwardIsCurrent = false;
    s.n = n;
    s.val.resize(nn * n);
    s.ptr.resize(nn);
    s.uniform.resize(nn);
    s.scalar.resize(nn);
    if (cache && (cache->n != n || cache->isStatic.size() != nn)) cache = nullptr;

    for (std::size_t k = 0; k < nn; ++k) {
        const Node& nd = m_nodes[k];
        // Leaves and cached nodes point at their data (no copy), also when the forward sweep is
        // reused: the caller's columns may live elsewhere than at the last call.
        if (nd.op == Const) {
            s.uniform[k] = 1;
            s.scalar[k] = nd.c;
            continue;
        }
        if (nd.op == Var) {
            const auto& col = vars[std::size_t(nd.c)];
            s.uniform[k] = col.size() == 1 || n == 1;
            if (s.uniform[k])
                s.scalar[k] = col[0];
            else
                s.ptr[k] = col.data();
            continue;
        }
        if (cache && cache->isStatic[k]) {
            s.uniform[k] = 0;
            s.ptr[k] = cache->values.data() + k * n;
            continue;
        }
        if (forwardIsCurrent) continue;
        switch (nd.op) {
        case Add:
            forwardBinary(s, k, nd.a, nd.b, n, [](double x, double y) { return x + y; });
            break;
        case Sub:
            forwardBinary(s, k, nd.a, nd.b, n, [](double x, double y) { return x - y; });
            break;
        case Mul:
            forwardBinary(s, k, nd.a, nd.b, n, [](double x, double y) { return x * y; });
            break;
        case Div:
            forwardBinary(s, k, nd.a, nd.b, n, [](double x, double y) { return x / y; });
            break;
        case Pow:
            forwardBinary(s, k, nd.a, nd.b, n, [](double x, double y) { return power(x, y); });
            break;
        case Neg:
            forwardUnary(s, k, nd.a, n, [](double x) { return -x; });
            break;
        case Exp:
            if (s.uniform[std::size_t(nd.a)]) {
                forwardUnary(s, k, nd.a, n, [](double x) { return std::exp(x); });
            } else {
                s.uniform[k] = 0;
                double* v = s.val.data() + k * n;
                s.ptr[k] = v;
                expColumn(s.ptr[std::size_t(nd.a)], v, n);
            }
            break;
        default: {
            const int op = nd.op;
            if (nd.b >= 0)
                forwardBinary(s, k, nd.a, nd.b, n, [op](double x, double y) { return apply(op, x, y); });
            else
                forwardUnary(s, k, nd.a, n, [op](double x) { return apply(op, x, 0.0); });
        }
        }
    }
    const std::size_t root = nn - 1;
    if (!forwardIsCurrent) {
        if (s.uniform[root])
            std::fill(out.begin(), out.begin() + std::ptrdiff_t(n), s.scalar[root]);
        else
            std::copy_n(s.ptr[root], n, out.begin());
    }
    if (!jacobian || gradVars.empty()) return;

    // Reverse sweep: adjoint of every node; a variable's adjoint is its Jacobian column itself.
    const std::size_t nGrad = gradVars.size();
    std::fill(jacobian, jacobian + n * nGrad, 0.0);
    s.column.assign(m_variables.size(), -1);
    for (std::size_t k = 0; k < nGrad; ++k)
        s.column[std::size_t(gradVars[k])] = int(k);
    // Only nodes on a path from a wanted variable need adjoints.
    s.live.assign(nn, 0);
    for (std::size_t k = 0; k < nn; ++k) {
        const Node& nd = m_nodes[k];
        if (nd.op == Var)
            s.live[k] = s.column[std::size_t(nd.c)] >= 0;
        else if (nd.op != Const)
            s.live[k] = (nd.a >= 0 && s.live[std::size_t(nd.a)]) || (nd.b >= 0 && s.live[std::size_t(nd.b)]);
    }
    if (!s.live[root]) return;
    s.adj.resize(nn * n);
    s.gptr.assign(nn, nullptr);
    for (std::size_t k = 0; k < nn; ++k) {
        if (!s.live[k]) continue;
        if (m_nodes[k].op == Var) {
            s.gptr[k] = jacobian + std::size_t(s.column[std::size_t(m_nodes[k].c)]) * n;
        } else {
            s.gptr[k] = s.adj.data() + k * n;
            std::fill(s.gptr[k], s.gptr[k] + n, 0.0);
        }
    }
    std::fill(s.gptr[root], s.gptr[root] + n, 1.0);
    for (std::size_t kk = nn; kk-- > 0;) {
        const Node& nd = m_nodes[kk];
        if (!s.live[kk] || nd.op == Var) continue;
        const double* g = s.gptr[kk];
        const bool la = nd.a >= 0 && s.live[std::size_t(nd.a)];
        const bool lb = nd.b >= 0 && s.live[std::size_t(nd.b)];
        double* ga = la ? s.gptr[std::size_t(nd.a)] : nullptr;
        double* gb = lb ? s.gptr[std::size_t(nd.b)] : nullptr;
        // Common operations as plain loops (vectorisable, no per-point switch).
        switch (nd.op) {
        case Add:
        case Sub:
            if (la)
                for (std::size_t i = 0; i < n; ++i)
                    ga[i] += g[i];
            if (lb) {
                if (nd.op == Add)
                    for (std::size_t i = 0; i < n; ++i)
                        gb[i] += g[i];
                else
                    for (std::size_t i = 0; i < n; ++i)
                        gb[i] -= g[i];
            }
            continue;
        case Mul:
            if (la) accumulate(ga, g, s, nd.b, 1.0, n);
            if (lb) accumulate(gb, g, s, nd.a, 1.0, n);
            continue;
        case Neg:
            for (std::size_t i = 0; i < n; ++i)
                ga[i] -= g[i];
            continue;
        case Exp:
            accumulate(ga, g, s, int(kk), 1.0, n);
            continue;
        case Div:
            if (la) {
                if (s.uniform[std::size_t(nd.b)]) {
                    const double inv = 1.0 / s.scalar[std::size_t(nd.b)];
                    for (std::size_t i = 0; i < n; ++i)
                        ga[i] += g[i] * inv;
                } else {
                    const double* b = s.ptr[std::size_t(nd.b)];
                    for (std::size_t i = 0; i < n; ++i)
                        ga[i] += g[i] / b[i];
                }
            }
            if (lb)
                for (std::size_t i = 0; i < n; ++i)
                    gb[i] -= g[i] * at(s, int(kk), i) / at(s, nd.b, i);
            continue;
        default:
            break;
        }
        // sin and cos of one argument (ENSO, Fourier terms): each is the other's derivative.
        const int partner = m_partner.empty() ? -1 : m_partner[kk];
        for (std::size_t i = 0; i < n; ++i) {
            const double gi = g[i];
            if (gi == 0.0) continue;
            const double a = at(s, nd.a, i);
            const double b = nd.b >= 0 ? at(s, nd.b, i) : 0.0;
            const double v = at(s, int(kk), i);
            switch (nd.op) {
            case Pow:
                if (la) ga[i] += gi * (b == 2.0 ? 2.0 * a : b * power(a, b - 1.0));
                if (lb && a != 0.0) gb[i] += gi * v * std::log(a);
                break;
            case Log:
                ga[i] += gi / a;
                break;
            case Log10:
                ga[i] += gi / (a * std::numbers::ln10);
                break;
            case Sqrt:
                ga[i] += gi * 0.5 / v;
                break;
            case Sin:
                ga[i] += gi * (partner >= 0 ? at(s, partner, i) : std::cos(a));
                break;
            case Cos:
                ga[i] -= gi * (partner >= 0 ? at(s, partner, i) : std::sin(a));
                break;
            case Tan:
                ga[i] += gi * (1.0 + v * v);
                break;
            case Asin:
                ga[i] += gi / std::sqrt(1.0 - a * a);
                break;
            case Acos:
                ga[i] -= gi / std::sqrt(1.0 - a * a);
                break;
            case Atan:
                ga[i] += gi / (1.0 + a * a);
                break;
            case Sinh:
                ga[i] += gi * std::cosh(a);
                break;
            case Cosh:
                ga[i] += gi * std::sinh(a);
                break;
            case Tanh:
                ga[i] += gi * (1.0 - v * v);
                break;
            case Abs:
                ga[i] += gi * (a > 0.0 ? 1.0 : a < 0.0 ? -1.0 : 0.0);
                break;
            case Erf:
                ga[i] += gi * 2.0 / std::sqrt(std::numbers::pi) * std::exp(-a * a);
                break;
            case Erfc:
                ga[i] -= gi * 2.0 / std::sqrt(std::numbers::pi) * std::exp(-a * a);
                break;
            case Atan2: {
                const double r2 = a * a + b * b;
                if (la) ga[i] += gi * b / r2;
                if (lb) gb[i] -= gi * a / r2;
                break;
            }
            case Min:
                if (a <= b) {
                    if (la) ga[i] += gi;
                } else if (lb)
                    gb[i] += gi;
                break;
            case Max:
                if (a >= b) {
                    if (la) ga[i] += gi;
                } else if (lb)
                    gb[i] += gi;
                break;
            default:
                break;
            }
        }
    }
}

} // namespace vanadis::fit
