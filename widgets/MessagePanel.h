#pragma once
/// \file MessagePanel.h
/// Warnings and errors of imports, saves and analyses, newest last, with the time they happened.

#include <QListWidget>

namespace vanadis {

class MessagePanel : public QListWidget {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };
    explicit MessagePanel(QWidget* parent = nullptr);
    void addMessage(Level level, const QString& text);
    /// A few lines high by default: the plots get the room.
    QSize sizeHint() const override { return {400, 72}; }
};

} // namespace vanadis
