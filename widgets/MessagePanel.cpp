#include "widgets/MessagePanel.h"

#include <QStyle>
#include <QTime>

namespace vanadis {

MessagePanel::MessagePanel(QWidget* parent) : QListWidget(parent)
{
    setAccessibleName(tr("Messages"));
    setWordWrap(true);
    setAlternatingRowColors(true);
}

void MessagePanel::addMessage(Level level, const QString& text)
{
    const QStyle::StandardPixmap icon = level == Level::Error     ? QStyle::SP_MessageBoxCritical
                                        : level == Level::Warning ? QStyle::SP_MessageBoxWarning
                                                                  : QStyle::SP_MessageBoxInformation;
    auto* item =
        new QListWidgetItem(style()->standardIcon(icon), QTime::currentTime().toString("HH:mm:ss  ") + text);
    item->setToolTip(text);
    addItem(item);
    scrollToBottom();
}

} // namespace vanadis
