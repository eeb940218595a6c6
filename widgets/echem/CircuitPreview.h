#pragma once
/// \file CircuitPreview.h
/// A small drawing of an equivalent circuit string: elements (R, C, CPE, L, W, Wo, Ws, Zarc) as
/// symbols with their names, series left to right, parallel branches stacked between two rails, from
/// the parse tree of echem::Circuit (numeric/echem/Circuit.h, where all parsing stays). An invalid
/// string shows the string with a caret under the character the parser names, and its reason.

#include "numeric/echem/Circuit.h"

#include <QWidget>
#include <optional>

namespace vanadis {

class CircuitPreview : public QWidget {
    Q_OBJECT
public:
    explicit CircuitPreview(QWidget* parent = nullptr);
    /// Parses and redraws.
    void setCircuitText(const QString& text);
    /// The parse error shown, empty when the circuit is valid (for tests).
    QString errorText() const { return m_error; }
    /// 1-based character the error points at, 0 when none.
    int errorCharacter() const { return m_errorChar; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QSizeF nodeSize(int node) const;
    void drawNode(QPainter& p, int node, QPointF topLeft) const;
    void drawElement(QPainter& p, const echem::Circuit::Node& n, const QRectF& box) const;

    QString m_text;
    std::optional<echem::Circuit> m_circuit;
    QString m_error;
    int m_errorChar = 0;
};

} // namespace vanadis
