#!/usr/bin/env python3
"""Independent reference for tests/numeric/tst_eis_impedancepy.cpp (test time only, not shipped).

Fits an equivalent circuit, written out here in closed form, to an "f, Z', Z''" CSV with
scipy.optimize.least_squares on the same residual as Vanadis' CNLS: the stacked vector
[Z' - Z'_fit, Z'' - Z''_fit], unweighted ("unit") or divided by |Z_data| ("modulus"), using only the
points with Z'' < 0 (as impedance.py's getting-started example). Parameters are fitted as logarithms
(all are positive) from the start values of impedance.py's documentation, to tight tolerances.

Usage: eis_least_squares.py FILE CIRCUIT unit|modulus
Prints "S <weighted sum of squares>" then one "name value" line per parameter in the circuit's order.
"""
import sys

import numpy as np
from scipy.optimize import least_squares


def warburg_open(r, tau, w):
    """R coth(sqrt(j w tau)) / sqrt(j w tau)"""
    x = np.sqrt(1j * w * tau)
    return r / (x * np.tanh(x))


def parallel(a, b):
    return 1.0 / (1.0 / a + 1.0 / b)


def two_arcs(p, w):
    r0, r1, c1, r2, wr, wt, c2 = p
    return r0 + parallel(r1, 1.0 / (1j * w * c1)) + parallel(r2 + warburg_open(wr, wt, w), 1.0 / (1j * w * c2))


def randles(p, w):
    r0, r1, c1, wr, wt = p
    return r0 + parallel(r1, 1.0 / (1j * w * c1)) + warburg_open(wr, wt, w)


MODELS = {
    "R0-p(R1,C1)-p(R2-Wo1,C2)": (two_arcs, ["R0", "R1", "C1", "R2", "Wo1_R", "Wo1_tau", "C2"],
                                 [.01, .01, 100, .01, .05, 100, 1]),
    "R0-p(R1,C1)-Wo1": (randles, ["R0", "R1", "C1", "Wo1_R", "Wo1_tau"], [.01, .005, .1, .01, 200]),
}


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in MODELS or sys.argv[3] not in ("unit", "modulus"):
        print(__doc__, file=sys.stderr)
        return 2
    data = np.loadtxt(sys.argv[1], delimiter=",")
    keep = data[:, 2] < 0
    f, z = data[keep, 0], data[keep, 1] + 1j * data[keep, 2]
    w = 2 * np.pi * f
    model, names, start = MODELS[sys.argv[2]]
    scale = np.abs(z) if sys.argv[3] == "modulus" else np.ones_like(f)

    def residual(logp):
        d = (z - model(np.exp(logp), w)) / scale
        return np.concatenate([d.real, d.imag])

    fit = least_squares(residual, np.log(start), method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15,
                        max_nfev=100000)
    print("S %.17g" % float(np.sum(fit.fun ** 2)))
    for name, value in zip(names, np.exp(fit.x)):
        print("%s %.17g" % (name, value))
    return 0


if __name__ == "__main__":
    sys.exit(main())
