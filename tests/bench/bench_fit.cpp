// Fitting-engine benchmark (not run by ctest). Prints medians:
//   bench_fit strd median=…       over every NIST StRD fit found (problems × 2 starts), models read
//                                 from the .dat headers as user expressions (the CLI path);
//   bench_fit strd_coded median=… the same fits with the models coded in C++ (AutoDiffModel): the
//                                 engine's speed without the expression language's cost;
//   bench_fit lmfit_strd median=… the same fits by lmfit's default (leastsq) via lmfit_strd.py, and the
//                                 ratio, when python3 with lmfit is importable (skipped otherwise);
//   bench_fit xps_pv17 median=…   17 free parameters, 300 points, six pseudo-Voigts with doublet ties;
//   bench_fit eis_cpe7 median=…   7 parameters, 70 complex points, R0 + (R1‖CPE1) + (R2‖CPE2).
// Targets (issue 7): StRD ≤ 1/20 of lmfit; XPS < 2 ms; EIS < 1 ms.
#include "numeric/fit/AutoDiffModel.h"
#include "numeric/fit/ExpressionModel.h"
#include "numeric/fit/LeastSquares.h"
#include "numeric/lineshape/PeakSumModel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numbers>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace vanadis;

namespace {

double median(std::vector<double> v)
{
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

/// Median over \a reps runs of the thread's CPU time (ms): on a shared, loaded build machine the
/// wall time mostly measures the other processes. The wall-time median goes to \a wallMs.
template <class F>
double timeMs(F&& f, int reps, double* wallMs = nullptr)
{
    std::vector<double> t, w;
    for (int r = 0; r < reps; ++r) {
        const auto a = std::chrono::steady_clock::now();
        const double c0 = threadCpuMs();
        f();
        const double c1 = threadCpuMs();
        const auto b = std::chrono::steady_clock::now();
        t.push_back(c1 - c0);
        w.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    }
    if (wallMs) *wallMs = median(w);
    return median(t);
}

struct Strd {
    std::string name, model;
    bool logY = false;
    std::vector<double> start1, start2, certified;
    std::vector<std::vector<double>> cols; // y, x (, x2)
};

bool readStrd(const std::filesystem::path& path, Strd& s)
{
    std::ifstream in(path);
    if (!in) return false;
    s.name = path.stem().string();
    std::string line, model;
    bool inModel = false, data = false;
    static const std::regex param(R"(^\s*b\d+\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+\S+)");
    static const std::regex dataLine(R"(^\s*Data:\s+y\s)");
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::smatch m;
        if (data) {
            std::istringstream ss(line);
            std::vector<double> v;
            double d;
            while (ss >> d)
                v.push_back(d);
            if (v.empty()) continue;
            if (s.cols.empty()) s.cols.resize(v.size());
            for (std::size_t i = 0; i < v.size() && i < s.cols.size(); ++i)
                s.cols[i].push_back(v[i]);
        } else if (std::regex_search(line, m, param)) {
            s.start1.push_back(std::stod(m[1]));
            s.start2.push_back(std::stod(m[2]));
            s.certified.push_back(std::stod(m[3]));
        } else if (std::regex_search(line, dataLine)) {
            data = true;
        } else if (std::regex_search(line, std::regex(R"(^\s*(log\[y\]|y)\s*=)"))) {
            inModel = true;
            s.logY = line.find("log[y]") != std::string::npos;
            model = line.substr(line.find('=') + 1);
        } else if (inModel) {
            if (line.find_first_not_of(" \t") == std::string::npos)
                inModel = false;
            else
                model += " " + line;
        }
    }
    s.model = std::regex_replace(model, std::regex(R"(\+\s*e\s*$)"), "");
    return !s.start1.empty() && !s.cols.empty();
}

struct Nelson {
    const std::vector<double>* x1;
    const std::vector<double>* x2;
    template <class T>
    T operator()(double i, const T* b) const
    {
        using std::exp;
        const std::size_t k = std::size_t(i);
        return b[0] - b[1] * (*x1)[k] * exp(-b[2] * (*x2)[k]);
    }
};

int lastIterations = 0, lastEvaluations = 0;

/// Engine defaults; BENCH_FIT_ACCEL_AFTER=N overrides when geodesic acceleration starts (tuning).
fit::FitOptions strdOptions()
{
    fit::FitOptions o;
    if (const char* e = std::getenv("BENCH_FIT_ACCEL_AFTER")) o.accelerationAfter = std::atoi(e);
    return o;
}

/// A fit counts only when it converged to NIST's certified values (6 significant digits, as
/// tst_fit requires): a fast fit into another local minimum must not improve the median.
bool atCertified(const Strd& s, const fit::FitResult& r)
{
    if (!r.converged) return false;
    for (std::size_t i = 0; i < r.names.size(); ++i) {
        const std::size_t k = std::stoul(r.names[i].substr(1)) - 1;
        if (k >= s.certified.size()) return false;
        if (!(std::abs(r.values[i] - s.certified[k]) <= 1e-6 * std::abs(s.certified[k]))) return false;
    }
    return true;
}

/// One StRD fit as the CLI does it (model parsed from text, parameters named by appearance).
bool fitStrd(const Strd& s, const std::vector<double>& start, bool& ok)
{
    std::vector<double> y = s.cols[0];
    if (s.logY)
        for (double& v : y)
            v = std::log(v);
    fit::FitProblem p;
    p.observed = y;
    if (s.cols.size() > 2) { // Nelson: two predictors
        std::vector<double> idx(y.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = double(i);
        fit::AutoDiffModel<Nelson> m(Nelson{&s.cols[1], &s.cols[2]}, 3, idx);
        p.model = &m;
        for (std::size_t k = 0; k < start.size(); ++k)
            p.parameters.push_back({"b" + std::to_string(k + 1), start[k]});
        auto r = fit::fitLeastSquares(p, strdOptions());
        ok = r && atCertified(s, *r);
        if (r) lastIterations = r->iterations, lastEvaluations = r->evaluations;
        if (!ok && std::getenv("BENCH_FIT_VERBOSE"))
            std::fprintf(stderr, "%s\n", r ? r->reason.c_str() : r.error().message().c_str());
        return ok;
    }
    auto m = fit::ExpressionModel::create(s.model, s.cols[1]);
    if (!m) {
        ok = false;
        return false;
    }
    p.model = &*m;
    for (const std::string& n : m->parameterNames())
        p.parameters.push_back({n, start[std::stoul(n.substr(1)) - 1]});
    auto r = fit::fitLeastSquares(p, strdOptions());
    ok = r && atCertified(s, *r);
    if (r) lastIterations = r->iterations, lastEvaluations = r->evaluations;
    return ok;
}

using std::atan;
using std::cos;
using std::exp;
using std::log;
using std::pow;
using std::sin;
using vanadis::fit::atan;

template <class F>
std::unique_ptr<fit::Model> coded(F f, std::size_t np, const std::vector<double>& x)
{
    return std::make_unique<fit::AutoDiffModel<F>>(f, np, x);
}

/// The StRD models written in C++ (forward-mode autodiff), for the engine's speed without the
/// expression language; nullptr for a file whose model is not coded here.
std::unique_ptr<fit::Model> codedStrdModel(const Strd& s)
{
    const std::string& n = s.name;
    const std::size_t np = s.start1.size();
    const std::vector<double>& x = s.cols[1];
    if (n == "Misra1a" || n == "BoxBOD")
        return coded([](double x, const auto* b) { return b[0] * (1.0 - exp(-b[1] * x)); }, np, x);
    if (n == "Chwirut1" || n == "Chwirut2")
        return coded([](double x, const auto* b) { return exp(-b[0] * x) / (b[1] + b[2] * x); }, np, x);
    if (n.starts_with("Lanczos"))
        return coded(
            [](double x, const auto* b) {
                return b[0] * exp(-b[1] * x) + b[2] * exp(-b[3] * x) + b[4] * exp(-b[5] * x);
            },
            np, x);
    if (n.starts_with("Gauss"))
        return coded(
            [](double x, const auto* b) {
                const auto d1 = x - b[3], d2 = x - b[6];
                return b[0] * exp(-b[1] * x) + b[2] * exp(-d1 * d1 / (b[4] * b[4])) +
                       b[5] * exp(-d2 * d2 / (b[7] * b[7]));
            },
            np, x);
    if (n == "DanWood")
        return coded([](double x, const auto* b) { return b[0] * exp(b[1] * log(x)); }, np, x);
    if (n == "Misra1b")
        return coded([](double x, const auto* b) { return b[0] * (1.0 - pow(1.0 + 0.5 * b[1] * x, -2.0)); },
                     np, x);
    if (n == "Misra1c")
        return coded([](double x, const auto* b) { return b[0] * (1.0 - pow(1.0 + 2.0 * b[1] * x, -0.5)); },
                     np, x);
    if (n == "Misra1d")
        return coded([](double x, const auto* b) { return b[0] * b[1] * x / (1.0 + b[1] * x); }, np, x);
    if (n == "Hahn1" || n == "Thurber")
        return coded(
            [](double x, const auto* b) {
                return (b[0] + x * (b[1] + x * (b[2] + x * b[3]))) /
                       (1.0 + x * (b[4] + x * (b[5] + x * b[6])));
            },
            np, x);
    if (n == "Kirby2")
        return coded(
            [](double x, const auto* b) {
                return (b[0] + x * (b[1] + x * b[2])) / (1.0 + x * (b[3] + x * b[4]));
            },
            np, x);
    if (n == "MGH17")
        return coded(
            [](double x, const auto* b) { return b[0] + b[1] * exp(-x * b[3]) + b[2] * exp(-x * b[4]); }, np,
            x);
    if (n == "MGH10")
        return coded([](double x, const auto* b) { return b[0] * exp(b[1] / (x + b[2])); }, np, x);
    if (n == "Rat42")
        return coded([](double x, const auto* b) { return b[0] / (1.0 + exp(b[1] - b[2] * x)); }, np, x);
    if (n == "Roszman1")
        return coded(
            [](double x, const auto* b) {
                using T = std::decay_t<decltype(b[0])>;
                return b[0] - b[1] * x - atan(T(b[2] / (x - b[3]))) / std::numbers::pi;
            },
            np, x);
    if (n == "ENSO")
        return coded(
            [](double x, const auto* b) {
                const double w = 2.0 * std::numbers::pi * x;
                const auto a4 = w / b[3], a7 = w / b[6];
                return b[0] + b[1] * std::cos(w / 12.0) + b[2] * std::sin(w / 12.0) + b[4] * cos(a4) +
                       b[5] * sin(a4) + b[7] * cos(a7) + b[8] * sin(a7);
            },
            np, x);
    if (n == "Nelson") {
        std::vector<double> idx(x.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = double(i);
        return std::make_unique<fit::AutoDiffModel<Nelson>>(Nelson{&s.cols[1], &s.cols[2]}, 3, idx);
    }
    return nullptr;
}

/// One StRD fit with the model coded in C++; false when the model is not coded here.
bool fitStrdCoded(const Strd& s, const std::vector<double>& start, bool& ok)
{
    std::vector<double> y = s.cols[0];
    if (s.logY)
        for (double& v : y)
            v = std::log(v);
    const auto m = codedStrdModel(s);
    if (!m) return ok = false;
    fit::FitProblem p;
    p.observed = y;
    p.model = m.get();
    for (std::size_t k = 0; k < start.size(); ++k)
        p.parameters.push_back({"b" + std::to_string(k + 1), start[k]});
    auto r = fit::fitLeastSquares(p, strdOptions());
    ok = r && atCertified(s, *r);
    if (r) lastIterations = r->iterations, lastEvaluations = r->evaluations;
    return ok;
}

std::string testDataDir()
{
    if (const char* e = std::getenv("VANADIS_TESTDATA")) return std::string(e) + "/nist-strd";
    return std::string(VANADIS_SOURCE_DIR) + "/../shared/testdata/nist-strd";
}

void benchStrd()
{
    const std::filesystem::path dir = testDataDir();
    if (!std::filesystem::is_directory(dir)) {
        std::printf("bench_fit strd skipped: no NIST StRD files in %s\n", dir.c_str());
        return;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".dat") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<double> times, codedTimes;
    int failed = 0, codedFailed = 0;
    // BENCH_FIT_REPS=N: more repetitions per fit (profiling, checking the medians' stability).
    const int reps =
        std::getenv("BENCH_FIT_REPS") ? std::max(1, std::atoi(std::getenv("BENCH_FIT_REPS"))) : 15;
    for (const auto& f : files) {
        Strd s;
        if (!readStrd(f, s)) continue;
        if (const char* only = std::getenv("BENCH_FIT_ONLY"); only && s.name != only) continue;
        for (int st = 1; st <= 2; ++st) {
            bool ok = false;
            const auto& start = st == 1 ? s.start1 : s.start2;
            const double t = timeMs([&] { fitStrd(s, start, ok); }, reps);
            if (!ok) ++failed;
            times.push_back(t);
            std::fprintf(stderr, "  %-10s start %d  %.4f ms  %3d iterations %4d evaluations%s\n",
                         s.name.c_str(), st, t, lastIterations, lastEvaluations,
                         ok ? "" : "  (not converged or not at the certified values)");
            bool codedOk = false;
            const double tc = timeMs([&] { fitStrdCoded(s, start, codedOk); }, reps);
            if (!codedOk) ++codedFailed;
            codedTimes.push_back(tc);
            std::fprintf(stderr, "  %-10s start %d  %.4f ms  %3d iterations %4d evaluations (coded)%s\n",
                         s.name.c_str(), st, tc, lastIterations, lastEvaluations,
                         codedOk ? "" : "  (not converged, not at the certified values or not coded)");
        }
    }
    const double ours = median(times);
    const double oursCoded = median(codedTimes);
    std::printf(
        "bench_fit strd median=%.4f ms CPU (%zu fits, %d not converged to the certified values; models as "
        "user expressions)\n",
        ours, times.size(), failed);
    std::printf(
        "bench_fit strd_coded median=%.4f ms CPU (%zu fits, %d not converged to the certified values or not "
        "coded; models "
        "coded in C++, AutoDiffModel)\n",
        oursCoded, codedTimes.size(), codedFailed);

    // lmfit on the same files, when python3 and lmfit are there (BENCH_FIT_NO_LMFIT=1 skips it).
    if (std::getenv("BENCH_FIT_NO_LMFIT")) return;
    // The Debian python3-lmfit lives in /usr/bin/python3's path; a python3 earlier in PATH (pyenv,
    // a venv) may not see it. $VANADIS_PYTHON overrides.
    std::string python;
    std::vector<std::string> candidates;
    if (const char* e = std::getenv("VANADIS_PYTHON")) candidates.push_back(e);
    candidates.push_back("python3");
    candidates.push_back("/usr/bin/python3");
    for (const std::string& c : candidates)
        if (std::system(("'" + c + "' -c 'import lmfit' >/dev/null 2>&1").c_str()) == 0) {
            python = c;
            break;
        }
    if (python.empty()) {
        std::printf("bench_fit lmfit_strd skipped: no python3 with lmfit (Debian python3-lmfit) found\n");
        return;
    }
    const std::string cmd = "'" + python + "' '" + std::string(VANADIS_SOURCE_DIR) +
                            "/tests/bench/lmfit_strd.py' '" + dir.string() + "' 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return;
    char buf[4096];
    std::string outText;
    while (std::fgets(buf, sizeof buf, pipe))
        outText += buf;
    pclose(pipe);
    std::smatch m;
    if (std::regex_search(outText, m, std::regex(R"(median_ms=([0-9.eE+-]+) fits=(\d+))"))) {
        const double lm = std::stod(m[1]);
        std::printf("bench_fit lmfit_strd median=%.4f ms (%s fits, lmfit default leastsq)\n", lm,
                    m[2].str().c_str());
        std::printf("bench_fit strd_ratio median=%.4f (expression models/lmfit; target <= 0.05)\n",
                    ours / lm);
        std::printf("bench_fit strd_coded_ratio median=%.4f (C++-coded models/lmfit; target <= 0.05)\n",
                    oursCoded / lm);
    } else {
        std::printf("bench_fit lmfit_strd failed: %s\n", outText.c_str());
    }
}

void benchXps()
{
    using namespace vanadis::lineshape;
    std::vector<double> x;
    for (int i = 0; i < 300; ++i)
        x.push_back(510.0 + 0.1 * i);
    const std::vector<PeakComponent> comps = {{"V3a", Shape::PseudoVoigt}, {"V4a", Shape::PseudoVoigt},
                                              {"V3b", Shape::PseudoVoigt}, {"V4b", Shape::PseudoVoigt},
                                              {"Oa", Shape::PseudoVoigt},  {"Ob", Shape::PseudoVoigt}};
    PeakSumModel model(x, comps, 1, 525.0, {"dSO", "k"});
    const std::vector<double> truth = {515.8,  2.3,    0.3,        3000.0, 517.1,  2.1,    0.3,
                                       4000.0, 523.2,  2.3 * 1.35, 0.3,    1500.0, 524.5,  2.1 * 1.35,
                                       0.3,    2000.0, 530.0,      1.2,    0.3,    5000.0, 531.6,
                                       1.6,    0.3,    1500.0,     300.0,  4.0,    7.4,    1.35};
    std::vector<double> y(x.size());
    model.evaluate(truth, y);
    std::mt19937_64 rng(2024);
    for (double& v : y)
        v += std::normal_distribution<double>(0.0, std::sqrt(v))(rng);
    std::vector<double> start = truth;
    for (std::size_t i = 0; i < 24; ++i)
        if (i % 4 != 0) start[i] *= 0.85;
    start[0] += 0.3, start[4] -= 0.2, start[16] += 0.2, start[20] -= 0.3, start[26] = 7.2, start[27] = 1.2;
    fit::FitProblem p;
    p.model = &model;
    p.observed = y;
    p.parameters = model.defaultParameters(start);
    auto par = [&](const char* name) -> fit::Parameter& {
        return p.parameters[std::size_t(model.parameterIndex(name))];
    };
    par("V3b_area").tie = "V3a_area*0.5";
    par("V4b_area").tie = "V4a_area*0.5";
    par("V3b_center").tie = "V3a_center + dSO";
    par("V4b_center").tie = "V4a_center + dSO";
    par("V3b_fwhm").tie = "V3a_fwhm*k";
    par("V4b_fwhm").tie = "V4a_fwhm*k";
    for (const char* e : {"V4a_eta", "V3b_eta", "V4b_eta", "Oa_eta", "Ob_eta"})
        par(e).tie = "=V3a_eta";
    par("dSO").lower = 6.9, par("dSO").upper = 7.8;
    par("k").lower = 1.0, par("k").upper = 2.0;
    int iterations = 0, freeCount = 0, evals = 0;
    double wall = 0.0;
    bool ok = false;
    fit::FitOptions opt;
    if (std::getenv("BENCH_FIT_NO_ACCEL")) opt.geodesicAcceleration = false;
    const double t = timeMs(
        [&] {
            auto r = fit::fitLeastSquares(p, opt);
            ok = r && r->converged;
            if (r) iterations = r->iterations, freeCount = r->freeParameterCount, evals = r->evaluations;
        },
        51, &wall);
    std::printf("bench_fit xps_pv17 median=%.4f ms CPU (wall %.4f ms; %d free parameters, 300 points, %d "
                "iterations, %d evaluations, %s; target < 2 ms)\n",
                t, wall, freeCount, iterations, evals, ok ? "converged" : "NOT converged");
}

/// R0 + (R1‖CPE1) + (R2‖CPE2) with the analytic Jacobian (complex derivatives of each element).
struct TwoCpe {
    std::vector<double> omega;
    void eval(std::span<const double> p, std::span<double> out, double* jac) const
    {
        const std::size_t n = omega.size();
        for (std::size_t i = 0; i < n; ++i) {
            const std::complex<double> jw(0.0, omega[i]);
            const std::complex<double> logJw(std::log(omega[i]), std::numbers::pi / 2.0);
            std::complex<double> z = p[0];
            std::complex<double> d[7];
            d[0] = 1.0;
            for (int k = 0; k < 2; ++k) {
                const double R = p[std::size_t(1 + 3 * k)], Q = p[std::size_t(2 + 3 * k)],
                             nn = p[std::size_t(3 + 3 * k)];
                const std::complex<double> jwn = std::exp(nn * logJw);
                const std::complex<double> zk = 1.0 / (1.0 / R + Q * jwn);
                z += zk;
                const std::complex<double> zk2 = zk * zk;
                d[1 + 3 * k] = zk2 / (R * R);
                d[2 + 3 * k] = -zk2 * jwn;
                d[3 + 3 * k] = -zk2 * Q * jwn * logJw;
            }
            out[i] = z.real();
            out[i + n] = z.imag();
            if (jac)
                for (std::size_t k = 0; k < 7; ++k) {
                    jac[k * 2 * n + i] = d[k].real();
                    jac[k * 2 * n + i + n] = d[k].imag();
                }
        }
    }
};

void benchEis()
{
    TwoCpe c;
    for (int i = 0; i < 70; ++i)
        c.omega.push_back(2.0 * std::numbers::pi * std::pow(10.0, 6.0 - 8.0 * i / 69.0));
    const std::vector<double> truth = {12.0, 150.0, 2e-5, 0.85, 400.0, 1e-3, 0.7};
    const std::size_t n = c.omega.size();
    std::vector<double> z(2 * n);
    c.eval(truth, z, nullptr);
    std::mt19937_64 rng(11);
    std::normal_distribution<double> noise(0.0, 0.005);
    for (double& v : z)
        v *= 1.0 + noise(rng);
    fit::FunctionModel model(
        7, n, [&](std::span<const double> p, std::span<double> out) { c.eval(p, out, nullptr); },
        [&](std::span<const double> p, std::span<double> jac) {
            std::vector<double> tmp(2 * n);
            c.eval(p, tmp, jac.data());
            return true;
        },
        true);
    fit::FitProblem p;
    p.model = &model;
    p.observed = z;
    p.weighting = fit::Weighting::Modulus;
    p.parameters = {{"R0", 10.0, 0.0},  {"R1", 100.0, 0.0}, {"Q1", 1e-5, 0.0},    {"n1", 0.9, 0.0, 1.0},
                    {"R2", 300.0, 0.0}, {"Q2", 5e-4, 0.0},  {"n2", 0.8, 0.0, 1.0}};
    int iterations = 0;
    double wall = 0.0;
    bool ok = false;
    const double t = timeMs(
        [&] {
            auto r = fit::fitLeastSquares(p);
            ok = r && r->converged;
            if (r) iterations = r->iterations;
        },
        101, &wall);
    std::printf("bench_fit eis_cpe7 median=%.4f ms CPU (wall %.4f ms; 7 parameters, 70 complex points, %d "
                "iterations, %s; target < 1 ms)\n",
                t, wall, iterations, ok ? "converged" : "NOT converged");
}

} // namespace

int main(int argc, char** argv)
{
    // Optional argument: run one part only (xps, eis, strd).
    const std::string only = argc > 1 ? argv[1] : "";
    if (only.empty() || only == "xps") benchXps();
    if (only.empty() || only == "eis") benchEis();
    if (only.empty() || only == "strd") benchStrd();
    return 0;
}
