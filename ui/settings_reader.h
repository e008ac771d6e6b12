#pragma once
// Reads QSettings values that a user (or an older or newer Dari) may have written with
// the wrong type or out of range: such a value falls back to its default and leaves a
// note saying which key, what it held and what is used instead. Nothing here throws.

#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace dari {

class SettingsReader {
public:
    explicit SettingsReader(QSettings& settings) : s_(settings) {}

    int integer(const QString& key, int fallback, int min, int max);
    double number(const QString& key, double fallback, double min, double max);
    bool boolean(const QString& key, bool fallback);
    QString text(const QString& key, const QString& fallback = {});
    // One of `allowed`, else `fallback`.
    QString choice(const QString& key, const QString& fallback, const QStringList& allowed);
    // Unset stays unset; a stored value must be a number in [min, max].
    std::optional<int> optionalInteger(const QString& key, int min, int max);
    std::optional<double> optionalNumber(const QString& key, double min, double max);

    // One line per value that was not used, e.g.
    // `view/fontSize = "huge" is not a number; using 11`.
    QStringList notes() const { return notes_; }

private:
    std::optional<double> readNumber(const QString& key, double min, double max, bool whole,
                                     const QString& instead);
    QString stored(const QString& key) const;  // the value as the user would write it
    void note(const QString& key, const QString& problem, const QString& instead);
    QSettings& s_;
    QStringList notes_;
};

}  // namespace dari
