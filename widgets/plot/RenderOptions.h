#pragma once
/// \file RenderOptions.h
/// How a FigureSpec is rendered (scale, sampling, clipping). A header of its own so that FigureParts
/// (the pieces) and FigureRenderer (the whole) both use it while only the renderer depends on the parts.

namespace vanadis {

/// Rendering options. `scale` is device units per pt (1 for exports painted in a 1 unit = 1 pt space,
/// logicalDpi/72 on screen).
struct RenderOptions {
    double scale = 1.0;
    bool adaptiveSampling = true; ///< QCPGraph min/max per pixel column: fast on screen, coarse in print
    bool clipToRanges = false;    ///< cut data at the axis ranges before adding it (SVG has no clip paths)
    /// With clipToRanges: M4 decimation of monotonic line series to this many columns per device
    /// unit (dpi/72 for raster exports; 0 = keep every point). Unlike adaptive sampling it draws
    /// identically to the full data at that resolution.
    double decimationColumnsPerUnit = 0.0;
};

} // namespace vanadis
