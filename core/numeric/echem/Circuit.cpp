#include "numeric/echem/Circuit.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

namespace vanadis::echem {

namespace {

using cd = std::complex<double>;
constexpr double kInf = std::numeric_limits<double>::infinity();

struct TypeInfo {
    const char* name;
    ElementType type;
};
// Longest names first is not needed: the parser reads the whole letter run and looks it up.
constexpr TypeInfo kTypes[] = {{"R", ElementType::R},     {"C", ElementType::C},      {"L", ElementType::L},
                               {"CPE", ElementType::Cpe}, {"W", ElementType::W},      {"Wo", ElementType::Wo},
                               {"Ws", ElementType::Ws},   {"Zarc", ElementType::Zarc}};

/// Types of impedance.py this reader knows of but does not model yet (named in the error).
constexpr const char* kKnownUnsupported[] = {"La", "G", "Gs", "K", "TLMQ", "T"};

std::string supportedList()
{
    std::string s;
    for (const auto& t : kTypes)
        s += (s.empty() ? "" : ", ") + std::string(t.name);
    return s;
}

} // namespace

int elementParameterCount(ElementType type)
{
    switch (type) {
    case ElementType::R:
    case ElementType::C:
    case ElementType::L:
    case ElementType::W:
        return 1;
    case ElementType::Cpe:
    case ElementType::Wo:
    case ElementType::Ws:
        return 2;
    case ElementType::Zarc:
        return 3;
    }
    return 0;
}

/// Recursive-descent parser: circuit := series; series := term ('-' term)*;
/// term := 'p' '(' series (',' series)+ ')' | TYPE DIGITS.
class CircuitParser {
public:
    explicit CircuitParser(std::string_view text) : m_src(text) {}

    Expected<Circuit> run()
    {
        skipSpace();
        if (m_pos >= m_src.size()) return error("the circuit is empty; write e.g. R0-p(R1,C1)");
        auto root = series();
        if (!root) return std::unexpected(root.error());
        skipSpace();
        if (m_pos < m_src.size()) {
            const char c = m_src[m_pos];
            if (c == ')') return error("')' without a matching 'p('");
            if (c == ',') return error("',' outside a parallel group p(…,…)");
            return error(std::string("expected '-' (series) or the end of the circuit, found '") + c + "'");
        }
        m_c.m_root = *root;
        for (char ch : m_src)
            if (!std::isspace(static_cast<unsigned char>(ch))) m_c.m_text += ch;
        return std::move(m_c);
    }

private:
    std::string_view m_src;
    std::size_t m_pos = 0;
    Circuit m_c;

    std::unexpected<Error> error(const std::string& reason, std::size_t at = std::string::npos) const
    {
        const std::size_t p = at == std::string::npos ? m_pos : at;
        return std::unexpected(Error{"", "character " + std::to_string(p + 1), reason});
    }

    void skipSpace()
    {
        while (m_pos < m_src.size() && std::isspace(static_cast<unsigned char>(m_src[m_pos])))
            ++m_pos;
    }

    int addNode(Circuit::Node n)
    {
        m_c.m_nodes.push_back(std::move(n));
        return int(m_c.m_nodes.size()) - 1;
    }

    Expected<int> series()
    {
        const int first = int(m_c.m_params.size());
        std::vector<int> items;
        for (;;) {
            auto t = term();
            if (!t) return t;
            items.push_back(*t);
            skipSpace();
            if (m_pos < m_src.size() && m_src[m_pos] == '-') {
                ++m_pos;
                skipSpace();
                continue;
            }
            break;
        }
        if (items.size() == 1) return items.front();
        Circuit::Node n;
        n.kind = Circuit::Node::Kind::Series;
        n.children = std::move(items);
        n.firstParam = first;
        n.endParam = int(m_c.m_params.size());
        return addNode(std::move(n));
    }

    Expected<int> term()
    {
        skipSpace();
        if (m_pos >= m_src.size()) return error("the circuit ends where an element or p(…) was expected");
        const std::size_t start = m_pos;
        const char c = m_src[m_pos];
        if (c == 'p' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] == '(') {
            m_pos += 2;
            const int first = int(m_c.m_params.size());
            std::vector<int> branches;
            for (;;) {
                auto b = series();
                if (!b) return b;
                branches.push_back(*b);
                skipSpace();
                if (m_pos >= m_src.size())
                    return error("the parallel group opened at character " + std::to_string(start + 1) +
                                 " is not closed with ')'");
                if (m_src[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_src[m_pos] == ')') {
                    ++m_pos;
                    break;
                }
                return error(std::string("expected ',' or ')' in the parallel group, found '") +
                             m_src[m_pos] + "'");
            }
            if (branches.size() < 2)
                return error("a parallel group p(…) needs at least two branches separated by ','", start);
            Circuit::Node n;
            n.kind = Circuit::Node::Kind::Parallel;
            n.children = std::move(branches);
            n.firstParam = first;
            n.endParam = int(m_c.m_params.size());
            return addNode(std::move(n));
        }
        if (!std::isalpha(static_cast<unsigned char>(c)))
            return error(std::string("expected an element (") + supportedList() +
                         " with an index) or p(…), found '" + c + "'");
        std::size_t end = m_pos;
        while (end < m_src.size() && std::isalpha(static_cast<unsigned char>(m_src[end])))
            ++end;
        const std::string type(m_src.substr(m_pos, end - m_pos));
        const TypeInfo* info = nullptr;
        for (const auto& t : kTypes)
            if (type == t.name) info = &t;
        if (!info) {
            for (const char* k : kKnownUnsupported)
                if (type == k)
                    return error("element type '" + type +
                                 "' is not supported yet (supported: " + supportedList() + ")");
            return error("unknown element type '" + type + "' (supported: " + supportedList() + ")");
        }
        std::size_t digits = end;
        while (digits < m_src.size() && std::isdigit(static_cast<unsigned char>(m_src[digits])))
            ++digits;
        if (digits == end) return error("element '" + type + "' needs an index, e.g. " + type + "1", end);
        const std::string name(m_src.substr(m_pos, digits - m_pos));
        for (const auto& n : m_c.m_nodes)
            if (n.kind == Circuit::Node::Kind::Element && n.name == name)
                return error("element '" + name + "' appears twice; give each element its own index");
        m_pos = digits;

        Circuit::Node n;
        n.type = info->type;
        n.name = name;
        n.firstParam = int(m_c.m_params.size());
        auto add = [&](std::string suffix, std::string unit, int position, double lo = 0.0,
                       double hi = kInf) {
            m_c.m_params.push_back(
                {suffix.empty() ? name : name + "_" + suffix, std::move(unit), name, position, lo, hi});
        };
        switch (info->type) {
        case ElementType::R:
            add("", "Ohm", 0);
            break;
        case ElementType::C:
            add("", "F", 0);
            break;
        case ElementType::L:
            add("", "H", 0);
            break;
        case ElementType::W:
            add("", "Ohm s^-1/2", 0);
            break;
        case ElementType::Cpe:
            add("Q", "F s^(n-1)", 0);
            add("n", "", 1, 0.0, 1.0);
            break;
        case ElementType::Wo:
        case ElementType::Ws:
            add("R", "Ohm", 0);
            add("tau", "s", 1);
            break;
        case ElementType::Zarc:
            add("R", "Ohm", 0);
            add("Q", "F s^(n-1)", 1);
            add("n", "", 2, 0.0, 1.0);
            break;
        }
        n.endParam = int(m_c.m_params.size());
        return addNode(std::move(n));
    }
};

Expected<Circuit> Circuit::parse(std::string_view text)
{
    return CircuitParser(text).run();
}

int Circuit::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < m_params.size(); ++i)
        if (m_params[i].name == name) return int(i);
    // impedance.py positional form: element_k.
    for (std::size_t i = 0; i < m_params.size(); ++i)
        if (m_params[i].element + "_" + std::to_string(m_params[i].position) == name) return int(i);
    return -1;
}

namespace {

/// Z of the subtree \a idx and ∂Z/∂p into g[firstParam, endParam) (if g is not null).
cd evalNode(const std::vector<Circuit::Node>& nodes, int idx, double w, const double* p, cd* g)
{
    const Circuit::Node& n = nodes[std::size_t(idx)];
    const cd jw(0.0, w);
    switch (n.kind) {
    case Circuit::Node::Kind::Series: {
        cd z = 0.0;
        for (int c : n.children)
            z += evalNode(nodes, c, w, p, g);
        return z;
    }
    case Circuit::Node::Kind::Parallel: {
        // Z = 1/ΣYᵢ; for a parameter of branch i, ∂Z/∂p = (Z/Zᵢ)²·∂Zᵢ/∂p.
        cd zc[16];
        std::vector<cd> big;
        cd* zs = zc;
        if (n.children.size() > 16) {
            big.resize(n.children.size());
            zs = big.data();
        }
        cd y = 0.0;
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            zs[i] = evalNode(nodes, n.children[i], w, p, g);
            y += 1.0 / zs[i];
        }
        const cd z = 1.0 / y;
        if (g)
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                const Circuit::Node& c = nodes[std::size_t(n.children[i])];
                const cd r = z / zs[i];
                const cd f = r * r;
                for (int k = c.firstParam; k < c.endParam; ++k)
                    g[k] *= f;
            }
        return z;
    }
    case Circuit::Node::Kind::Element:
        break;
    }
    const double* q = p + n.firstParam;
    cd* d = g ? g + n.firstParam : nullptr;
    const cd logJw(std::log(w), std::numbers::pi / 2.0); // ln(jω)
    switch (n.type) {
    case ElementType::R:
        if (d) d[0] = 1.0;
        return q[0];
    case ElementType::C: {
        const cd z = 1.0 / (jw * q[0]);
        if (d) d[0] = -z / q[0];
        return z;
    }
    case ElementType::L:
        if (d) d[0] = jw;
        return jw * q[0];
    case ElementType::W: {
        const cd u = cd(1.0, -1.0) / std::sqrt(w);
        if (d) d[0] = u;
        return q[0] * u;
    }
    case ElementType::Cpe: {
        const cd x = std::exp(q[1] * logJw); // (jω)ⁿ
        const cd z = 1.0 / (q[0] * x);
        if (d) {
            d[0] = -z / q[0];
            d[1] = -z * logJw;
        }
        return z;
    }
    case ElementType::Wo:
    case ElementType::Ws: {
        const cd s = std::sqrt(jw * q[1]);
        // glibc's complex tanh neither overflows for large Re s nor cancels for small |s| (as
        // (1 + e^−2s)/(1 − e^−2s) does, which loses the R/3 limit of Wo).
        const cd th = std::tanh(s);
        const cd h = n.type == ElementType::Wo ? 1.0 / th : th; // coth or tanh
        const cd f = h / s;
        if (d) {
            d[0] = f;
            // d/ds[coth/s] = −(coth² − 1)/s − coth/s²; d/ds[tanh/s] = (1 − tanh²)/s − tanh/s²; ds/dτ =
            // s/(2τ).
            const cd df = n.type == ElementType::Wo ? -(h * h - 1.0) / s - h / (s * s)
                                                    : (1.0 - h * h) / s - h / (s * s);
            d[1] = q[0] * df * s / (2.0 * q[1]);
        }
        return q[0] * f;
    }
    case ElementType::Zarc: {
        const cd x = std::exp(q[2] * logJw);
        const cd den = 1.0 + q[0] * q[1] * x;
        const cd z = q[0] / den;
        if (d) {
            const cd den2 = den * den;
            d[0] = 1.0 / den2;
            d[1] = -q[0] * q[0] * x / den2;
            d[2] = -q[0] * q[0] * q[1] * x * logJw / den2;
        }
        return z;
    }
    }
    return 0.0;
}

} // namespace

std::vector<Circuit::RCpePair> Circuit::rCpePairs() const
{
    // Nodes are stored children first, so order them by their first parameter (order of appearance).
    std::vector<RCpePair> out;
    for (const Node& n : m_nodes) {
        if (n.kind == Node::Kind::Element && n.type == ElementType::Zarc)
            out.push_back({n.name, n.firstParam, n.firstParam + 1, n.firstParam + 2});
        if (n.kind != Node::Kind::Parallel || n.children.size() != 2) continue;
        const Node& a = m_nodes[std::size_t(n.children[0])];
        const Node& b = m_nodes[std::size_t(n.children[1])];
        auto isType = [](const Node& x, ElementType t) {
            return x.kind == Node::Kind::Element && x.type == t;
        };
        const Node* r = isType(a, ElementType::R) ? &a : isType(b, ElementType::R) ? &b : nullptr;
        const Node* q = isType(a, ElementType::Cpe) ? &a : isType(b, ElementType::Cpe) ? &b : nullptr;
        if (r && q) out.push_back({q->name, r->firstParam, q->firstParam, q->firstParam + 1});
    }
    std::sort(out.begin(), out.end(),
              [](const RCpePair& x, const RCpePair& y) { return x.qIndex < y.qIndex; });
    return out;
}

double hsuMansfeldCapacitanceF(double rOhm, double q, double n)
{
    return std::pow(q, 1.0 / n) * std::pow(rOhm, (1.0 - n) / n);
}

double rCpeApexFrequencyHz(double rOhm, double q, double n)
{
    return std::pow(rOhm * q, -1.0 / n) / (2.0 * std::numbers::pi);
}

std::complex<double> Circuit::impedance(double omegaRadS, std::span<const double> p) const
{
    return evalNode(m_nodes, m_root, omegaRadS, p.data(), nullptr);
}

std::complex<double> Circuit::impedance(double omegaRadS, std::span<const double> p,
                                        std::span<std::complex<double>> gradient) const
{
    return evalNode(m_nodes, m_root, omegaRadS, p.data(), gradient.data());
}

namespace {

/// What the start values are read from: the spectrum ordered from high to low frequency.
struct SpectrumFeatures {
    double hfR = 1.0;       ///< high-frequency real intercept (Ω)
    double lfR = 2.0;       ///< Z' at the lowest frequency
    double lfMinusZi = 1.0; ///< −Z'' at the lowest frequency
    double wMin = 1.0, wMax = 1e4;
    double inductiveL = 0.0; ///< from Z'' > 0 at the highest frequency, else 0
    struct Arc {
        double r, w;
    };
    std::vector<Arc> arcs; ///< high to low frequency
};

SpectrumFeatures features(std::span<const double> f, std::span<const double> zr, std::span<const double> zi)
{
    SpectrumFeatures s;
    const std::size_t n = std::min({f.size(), zr.size(), zi.size()});
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i)
        if (f[i] > 0 && std::isfinite(f[i]) && std::isfinite(zr[i]) && std::isfinite(zi[i]))
            order.push_back(i);
    if (order.size() < 2) return s;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return f[a] > f[b]; });
    const double twoPi = 2.0 * std::numbers::pi;
    s.wMax = twoPi * f[order.front()];
    s.wMin = twoPi * f[order.back()];
    double scale = 0.0;
    for (std::size_t i : order)
        scale = std::max(scale, std::hypot(zr[i], zi[i]));
    if (!(scale > 0)) scale = 1.0;
    // Intercept: Z' of the first capacitive point from the high-frequency side.
    std::size_t first = 0;
    while (first < order.size() && zi[order[first]] > 0)
        ++first;
    if (first == order.size()) first = 0;
    s.hfR = std::max(zr[order[first]], 1e-6 * scale);
    if (zi[order.front()] > 0) s.inductiveL = zi[order.front()] / s.wMax;
    s.lfR = zr[order.back()];
    s.lfMinusZi = -zi[order.back()];
    // Arcs: local maxima of −Z'' (3-point smoothed) on the capacitive side, with the apex above the
    // neighbouring minima by 5 % of the spectrum scale (noise does not make arcs).
    std::vector<double> m(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t a = k ? k - 1 : k, b = k + 1 < order.size() ? k + 1 : k;
        m[k] = -(zi[order[a]] + zi[order[k]] + zi[order[b]]) / 3.0;
    }
    double lastMin = m[first];
    std::size_t k = first + 1;
    while (k + 1 < m.size()) {
        if (m[k] > 0 && m[k] >= m[k - 1] && m[k] > m[k + 1]) {
            // The next minimum after this maximum.
            std::size_t j = k + 1;
            while (j + 1 < m.size() && m[j + 1] <= m[j])
                ++j;
            const double prominence = m[k] - std::max(lastMin, j + 1 < m.size() ? m[j] : -kInf);
            if (prominence > 0.05 * scale || (j + 1 >= m.size() && m[k] - lastMin > 0.05 * scale)) {
                const double base = s.arcs.empty() ? s.hfR : 0.0;
                double r = 2.0 * (zr[order[k]] - s.hfR);
                for (const auto& a : s.arcs)
                    r -= 2.0 * a.r; // the earlier arcs' full diameters lie before this apex
                (void)base;
                if (!(r > 0)) r = 2.0 * m[k];
                s.arcs.push_back({r, twoPi * f[order[k]]});
                lastMin = m[j];
            }
            k = j;
            continue;
        }
        lastMin = std::min(lastMin, m[k]);
        ++k;
    }
    return s;
}

struct GuessContext {
    const SpectrumFeatures& s;
    std::vector<SpectrumFeatures::Arc> arcs; ///< one per parallel group/Zarc, in order of appearance
    std::size_t nextArc = 0;
    bool seriesRUsed = false;
    double restR = 0.0; ///< low-frequency Z' not explained by the intercept and the arcs
};

void guessNode(const std::vector<Circuit::Node>& nodes, int idx, GuessContext& ctx, int arc, double* p)
{
    const Circuit::Node& n = nodes[std::size_t(idx)];
    if (n.kind == Circuit::Node::Kind::Parallel) {
        const int a = ctx.nextArc < ctx.arcs.size() ? int(ctx.nextArc++) : -1;
        for (int c : n.children)
            guessNode(nodes, c, ctx, a < 0 ? arc : a, p);
        return;
    }
    if (n.kind == Circuit::Node::Kind::Series) {
        for (int c : n.children)
            guessNode(nodes, c, ctx, arc, p);
        return;
    }
    const SpectrumFeatures& s = ctx.s;
    double* q = p + n.firstParam;
    const double arcR = arc >= 0 ? ctx.arcs[std::size_t(arc)].r : 0.0;
    const double arcW = arc >= 0 ? ctx.arcs[std::size_t(arc)].w : 0.0;
    const double tail = std::max(s.lfMinusZi, 1e-3 * std::max(s.hfR, std::abs(s.lfR)));
    switch (n.type) {
    case ElementType::R:
        if (arc >= 0)
            q[0] = arcR;
        else if (!ctx.seriesRUsed) {
            q[0] = s.hfR;
            ctx.seriesRUsed = true;
        } else
            q[0] = std::max(ctx.restR, 0.1 * s.hfR);
        break;
    case ElementType::C:
        q[0] = arc >= 0 ? 1.0 / (arcW * arcR) : 1.0 / (s.wMin * tail);
        break;
    case ElementType::L:
        q[0] = s.inductiveL > 0 ? s.inductiveL : 1e-3 * s.hfR / s.wMax;
        break;
    case ElementType::Cpe:
        q[1] = 0.9;
        q[0] = arc >= 0 ? 1.0 / (arcR * std::pow(arcW, q[1])) : 1.0 / (std::pow(s.wMin, q[1]) * tail);
        break;
    case ElementType::W:
        q[0] = tail * std::sqrt(s.wMin);
        break;
    case ElementType::Wo:
    case ElementType::Ws:
        q[0] = std::max(ctx.restR, 0.1 * s.hfR);
        q[1] = 1.0 / s.wMin;
        break;
    case ElementType::Zarc: {
        const auto& a = ctx.nextArc < ctx.arcs.size()
                            ? ctx.arcs[ctx.nextArc++]
                            : SpectrumFeatures::Arc{s.hfR, std::sqrt(s.wMin * s.wMax)};
        q[0] = a.r;
        q[2] = 0.9;
        q[1] = 1.0 / (a.r * std::pow(a.w, q[2]));
        break;
    }
    }
}

int countArcs(const std::vector<Circuit::Node>& nodes)
{
    int k = 0;
    for (const auto& n : nodes)
        if (n.kind == Circuit::Node::Kind::Parallel ||
            (n.kind == Circuit::Node::Kind::Element && n.type == ElementType::Zarc))
            ++k;
    return k;
}

} // namespace

std::vector<double> Circuit::initialGuess(std::span<const double> frequencyHz, std::span<const double> zReal,
                                          std::span<const double> zImag) const
{
    const SpectrumFeatures s = features(frequencyHz, zReal, zImag);
    GuessContext ctx{s, s.arcs};
    const std::size_t needed = std::size_t(countArcs(m_nodes));
    double arcSum = 0.0;
    for (std::size_t i = 0; i < std::min(needed, ctx.arcs.size()); ++i)
        arcSum += ctx.arcs[i].r;
    if (ctx.arcs.size() > needed) ctx.arcs.resize(needed);
    // Arcs the spectrum does not show separately share the low-frequency real extent, spread over the
    // frequency range (log-spaced apexes below the last detected one).
    if (ctx.arcs.size() < needed) {
        const double span = std::max(s.lfR - s.hfR - arcSum, 0.1 * std::max(s.hfR, 1e-9));
        const std::size_t missing = needed - ctx.arcs.size();
        const double wTop = ctx.arcs.empty() ? s.wMax : ctx.arcs.back().w;
        for (std::size_t i = 0; i < missing; ++i) {
            const double t = double(i + 1) / double(missing + 1);
            const double w = std::exp(std::log(wTop) * (1.0 - t) + std::log(s.wMin) * t);
            ctx.arcs.push_back({span / double(missing), w});
            arcSum += span / double(missing);
        }
    }
    ctx.restR = s.lfR - s.hfR - arcSum;
    std::vector<double> p(m_params.size(), 1.0);
    guessNode(m_nodes, m_root, ctx, -1, p.data());
    for (std::size_t i = 0; i < p.size(); ++i) {
        const auto& d = m_params[i];
        if (!std::isfinite(p[i]) || p[i] <= d.lower) p[i] = d.upper < kInf ? 0.5 * (d.lower + d.upper) : 1.0;
        if (p[i] > d.upper) p[i] = d.upper;
    }
    return p;
}

} // namespace vanadis::echem
