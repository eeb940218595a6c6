#!/usr/bin/env python3
"""Times lmfit (default method, leastsq) on every NIST StRD .dat file of a folder, from both
starting values, with the model read from the file header exactly as bench_fit.cpp reads it.
Times are the thread's CPU time (as bench_fit measures its own), median of 5 runs per fit.
Prints one line per fit on stderr and "median_ms=<m> fits=<n>" on stdout. Used by bench_fit."""
import math
import pathlib
import re
import statistics
import sys
import time

import numpy as np
import lmfit


def read_strd(path):
    start1, start2, cols, model, log_y = [], [], [], "", False
    in_model = data = False
    for line in path.read_text(encoding="latin-1").splitlines():
        if data:
            vals = [float(t) for t in line.split()]
            if vals:
                if not cols:
                    cols = [[] for _ in vals]
                for c, v in zip(cols, vals):
                    c.append(v)
            continue
        m = re.match(r"^\s*b\d+\s*=\s*(\S+)\s+(\S+)\s+\S+\s+\S+", line)
        if m:
            start1.append(float(m.group(1)))
            start2.append(float(m.group(2)))
        elif re.match(r"^\s*Data:\s+y\s", line):
            data = True
        elif re.match(r"^\s*(log\[y\]|y)\s*=", line):
            in_model = True
            log_y = "log[y]" in line
            model = line.split("=", 1)[1]
        elif in_model:
            if not line.strip():
                in_model = False
            else:
                model += " " + line
    model = re.sub(r"\+\s*e\s*$", "", model.strip())
    return start1, start2, [np.array(c) for c in cols], model, log_y


def to_python(expr):
    e = expr.replace("[", "(").replace("]", ")").replace("^", "**")
    return re.sub(r"\barctan\b", "arctan", e)


def main():
    folder = pathlib.Path(sys.argv[1])
    times = []
    env = {"exp": np.exp, "log": np.log, "sin": np.sin, "cos": np.cos, "arctan": np.arctan, "atan": np.arctan,
           "sqrt": np.sqrt, "pi": math.pi}
    for path in sorted(folder.glob("*.dat")):
        start1, start2, cols, model, log_y = read_strd(path)
        y = np.log(cols[0]) if log_y else cols[0]
        code = compile(to_python(model), path.name, "eval")
        names = ["b%d" % (i + 1) for i in range(len(start1))]

        def residual(params, code=code, cols=cols, y=y):
            scope = dict(env)
            scope.update({n: params[n].value for n in params})
            if len(cols) > 2:
                scope["x1"], scope["x2"] = cols[1], cols[2]
            else:
                scope["x"] = cols[1]
            return eval(code, scope) - y

        for k, start in enumerate((start1, start2), 1):
            runs = []
            for _ in range(5):
                params = lmfit.Parameters()
                for n, v in zip(names, start):
                    params.add(n, value=v)
                t0 = time.thread_time()
                try:
                    success = lmfit.minimize(residual, params).success
                except ValueError:  # lmfit's default nan_policy='raise' stops on a NaN step
                    success = False
                runs.append((time.thread_time() - t0) * 1e3)
            t = statistics.median(runs)
            times.append(t)
            print("  lmfit %-10s start %d  %.3f ms  success=%s" % (path.stem, k, t, success), file=sys.stderr)
    print("median_ms=%.6f fits=%d" % (statistics.median(times), len(times)))


if __name__ == "__main__":
    main()
