#pragma once
/// \file ParamPreviews.h
/// Drawings a parameter form shows under a text field (ParamSpec::preview), one table in
/// ParamPreviews.cpp: a technique adds its preview there, the form itself names none.

class QLineEdit;
class QString;
class QWidget;

namespace vanadis {

/// A new preview widget for \a id that follows the text of \a source, or nullptr for an unknown id.
QWidget* makeParamPreview(const QString& id, QLineEdit* source);

} // namespace vanadis
