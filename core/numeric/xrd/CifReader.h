#pragma once
/// \file CifReader.h
/// Crystal structures from small-molecule/inorganic CIF text (CIF 1.1 core dictionary, Hall et al., Acta
/// Cryst. A47 (1991) 655), parsed with gemmi (Wojdyr, J. Open Source Softw. 7 (2022) 4200). The text is
/// passed in, so the caller decides where it comes from (a file, a Qt resource). No Qt here.

#include "numeric/Error.h"
#include "numeric/xrd/CrystalStructure.h"

#include <string>
#include <string_view>

namespace vanadis::xrd {

/// Reads the first data block of \a cifText that has a cell and atom sites (or the block named
/// \a blockName when not empty). The space group comes from the symmetry-operation loop
/// (_space_group_symop_operation_xyz or _symmetry_equiv_pos_as_xyz) when present — it fixes the origin
/// choice — else from the Hermann–Mauguin symbol (hexagonal axes for R groups unless the cell angles say
/// rhombohedral), else from _space_group_IT_number. Rhombohedral-axes R structures are converted to hexagonal
/// axes (obverse). Errors (never exceptions): text that does not parse as CIF (with the line), no cell, no
/// atom sites, atoms without fractional coordinates, unknown elements, no space group, an impossible cell.
/// \a sourceName (a file name) only labels the error messages.
Expected<CrystalStructure> readCifStructure(std::string_view cifText, const std::string& sourceName = {},
                                            const std::string& blockName = {});

} // namespace vanadis::xrd
