#pragma once
/// \file LeastSquares.h
/// Bounded, constrained nonlinear least squares: the one engine behind user curve fits, XPS/XRD
/// component fits and EIS circuits.
///
/// Method: Levenberg–Marquardt (Levenberg 1944, Marquardt 1963) with Moré's (1978) adaptive column
/// scaling, the damped step solved by QR of [J; √λ·D] (no normal equations, which would square the
/// condition number of NIST's hard problems; J is factored once per iteration and √λ·D folded into
/// R by Givens rotations per damping trial, as MINPACK's qrsolv), Nielsen's (1999) damping update,
/// geodesic acceleration (Transtrum & Sethna 2012), and bounds by an
/// active-set projection (Kanzow, Yamashita & Fukushima 2004): a parameter whose step leaves the
/// box is held on its bound for that step. Parameters are never transformed, so the covariance of
/// parameters away from a bound is the plain (JᵀWJ)⁻¹·RSS/dof; a parameter that ends on a bound
/// is reported, excluded from the covariance and gets NaN as its error.

#include "numeric/Error.h"
#include "numeric/fit/FitProblem.h"
#include "numeric/fit/FitResult.h"

namespace vanadis::fit {

/// Fits \a problem. Errors (bad input, never a non-converged fit): tie expressions that do not
/// parse, name unknown parameters or form a cycle; start values outside bounds; fewer residuals
/// than free parameters; NaN/inf in the data, the σ column or the model at the start; a model that
/// does not depend on a free parameter (zero Jacobian column); non-positive σ; zero y with
/// proportional weights.
Expected<FitResult> fitLeastSquares(const FitProblem& problem, const FitOptions& options = {});

} // namespace vanadis::fit
