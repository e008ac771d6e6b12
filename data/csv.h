#pragma once
// Splitting RFC 4180 CSV text into records.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dari {

struct CsvRecord {
    long line = 0;         // 1-based line where the record starts
    std::string_view raw;  // the record's bytes, without its line break
    std::vector<std::string> fields;
    std::string error;  // non-empty if the quoting is malformed
};

// Fields are separated by commas and records by LF or CRLF. A field that
// starts with a double quote may hold commas, line breaks and doubled quotes;
// a quote inside an unquoted field is kept as text. Works on raw bytes, so
// invalid UTF-8 passes through for the caller to report.
std::vector<CsvRecord> parseCsv(std::string_view text);

}  // namespace dari
