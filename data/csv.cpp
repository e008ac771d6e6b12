#include "data/csv.h"

namespace dari {

namespace {

class CsvParser {
public:
    explicit CsvParser(std::string_view text) : text_(text) {}

    bool atEnd() const { return pos_ >= text_.size(); }

    CsvRecord next() {
        CsvRecord record;
        record.line = line_;
        const std::size_t begin = pos_;
        bool more = true;
        while (more)
            more = readField(record);
        record.raw = text_.substr(begin, recordEnd_ - begin);
        return record;
    }

private:
    char peek() const { return text_[pos_]; }

    bool atLineBreak() const {
        return peek() == '\n' ||
               (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
    }

    // Consumes the separator after a field; returns true if another field follows.
    bool endField() {
        if (atEnd()) {
            recordEnd_ = pos_;
            return false;
        }
        if (peek() == ',') {
            ++pos_;
            return true;
        }
        recordEnd_ = pos_;
        pos_ += peek() == '\r' ? 2 : 1;
        ++line_;
        return false;
    }

    bool readField(CsvRecord& record) {
        if (!atEnd() && peek() == '"') return readQuotedField(record);
        const std::size_t begin = pos_;
        while (!atEnd() && peek() != ',' && !atLineBreak())
            ++pos_;
        record.fields.emplace_back(text_.substr(begin, pos_ - begin));
        return endField();
    }

    bool readQuotedField(CsvRecord& record) {
        const long startLine = line_;
        std::string field;
        ++pos_;
        while (true) {
            if (atEnd()) {
                record.error = "quoted field starting on line " + std::to_string(startLine) +
                               " is never closed";
                record.fields.push_back(std::move(field));
                return endField();
            }
            const char c = text_[pos_++];
            if (c == '"') {
                if (atEnd() || peek() != '"') break;
                ++pos_;  // a doubled quote stands for one
            } else if (c == '\r' && !atEnd() && peek() == '\n') {
                continue;  // CRLF inside quotes is kept as a plain line feed
            }
            if (c == '\n') ++line_;
            field += c;
        }
        record.fields.push_back(std::move(field));
        if (!atEnd() && peek() != ',' && !atLineBreak()) {
            if (record.error.empty()) record.error = "text after the closing quote of a field";
            while (!atEnd() && peek() != ',' && !atLineBreak())
                ++pos_;
        }
        return endField();
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t recordEnd_ = 0;
    long line_ = 1;
};

}  // namespace

std::vector<CsvRecord> parseCsv(std::string_view text) {
    std::vector<CsvRecord> records;
    CsvParser parser(text);
    while (!parser.atEnd())
        records.push_back(parser.next());
    return records;
}

}  // namespace dari
