#pragma once
/// \file LinearFit.h
/// Ordinary least squares for a straight line, with standard errors, and small statistics helpers.

#include <span>
#include <vector>

namespace vanadis::numeric {

/// y = slope·x + intercept fitted by OLS. Standard errors use the residual variance with n − 2
/// degrees of freedom (the convention of Micromeritics BET reports and of most statistics texts).
struct LineFit {
    double slope = 0.0;
    double intercept = 0.0;
    double slopeErr = 0.0;
    double interceptErr = 0.0;
    double r2 = 0.0;
    int n = 0;
    bool valid = false; ///< false for fewer than 2 points or all x equal
};

LineFit fitLine(std::span<const double> x, std::span<const double> y);

/// Median of the values (copy, partial sort); NaN for an empty input.
double median(std::vector<double> v);

} // namespace vanadis::numeric
