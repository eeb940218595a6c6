#include "widgets/ParamPreviews.h"

#include "widgets/echem/CircuitPreview.h"

#include <QLineEdit>

namespace vanadis {

QWidget* makeParamPreview(const QString& id, QLineEdit* source)
{
    if (id == QLatin1String("echem_circuit")) {
        auto* p = new CircuitPreview;
        p->setCircuitText(source->text());
        QObject::connect(source, &QLineEdit::textChanged, p, &CircuitPreview::setCircuitText);
        return p;
    }
    return nullptr;
}

} // namespace vanadis
