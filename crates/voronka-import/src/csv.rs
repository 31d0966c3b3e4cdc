//! CSV as spreadsheets write it (RFC 4180: quoted fields may hold delimiters, doubled quotes
//! and line breaks), read a record at a time from a decoded text stream, and its delimiter
//! told from the first lines.

use crate::decode::TextStream;
use crate::limits::{MAX_CELL_CHARS, MAX_COLUMNS};
use std::io::Read;
use voronka_core::{Error, Result};

/// The delimiters a CSV may use, in the order a tie is settled.
pub const DELIMITERS: [char; 4] = [';', ',', '\t', '|'];

/// The delimiter of a CSV from a sample of its first lines: the candidate that splits the
/// header into the most columns and every following line into as many. `;` wins a tie, since
/// the files it separates often have decimal commas.
pub fn detect_delimiter(sample: &str) -> char {
    let lines: Vec<&str> = sample.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    let Some((header, rest)) = lines.split_first() else {
        return ',';
    };
    let mut best = (',', 0usize, 0usize);
    for d in DELIMITERS {
        let columns = unquoted_count(header, d);
        if columns == 0 {
            continue;
        }
        let steady = rest.iter().filter(|l| unquoted_count(l, d) == columns).count();
        if (steady, columns) > (best.1, best.2) {
            best = (d, steady, columns);
        }
    }
    best.0
}

/// How many times `d` occurs outside quotes in one line.
fn unquoted_count(line: &str, d: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            c == d && !quoted
        })
        .count()
}

/// Records of a CSV, one at a time.
pub struct CsvRecords<R: Read> {
    stream: TextStream<R>,
    text: String,
    pos: usize,
    delimiter: char,
    /// The line the next record starts on (1-based), for error messages.
    pub line: usize,
}

impl<R: Read> std::fmt::Debug for CsvRecords<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvRecords")
            .field("delimiter", &self.delimiter)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

impl<R: Read> CsvRecords<R> {
    pub(crate) fn new(stream: TextStream<R>, delimiter: char) -> Self {
        CsvRecords {
            stream,
            text: String::new(),
            pos: 0,
            delimiter,
            line: 1,
        }
    }

    fn next_char(&mut self) -> Result<Option<char>> {
        loop {
            if let Some(c) = self.text[self.pos..].chars().next() {
                self.pos += c.len_utf8();
                return Ok(Some(c));
            }
            self.text.clear();
            self.pos = 0;
            if !self.stream.fill(&mut self.text).map_err(read_error)? {
                return Ok(None);
            }
        }
    }

    fn peek_char(&mut self) -> Result<Option<char>> {
        loop {
            if let Some(c) = self.text[self.pos..].chars().next() {
                return Ok(Some(c));
            }
            self.text.clear();
            self.pos = 0;
            if !self.stream.fill(&mut self.text).map_err(read_error)? {
                return Ok(None);
            }
        }
    }

    /// The next record's fields; `None` at the end of the file. Blank lines give an empty
    /// record, so line numbers stay true.
    pub fn next_record(&mut self) -> Result<Option<Vec<String>>> {
        let start_line = self.line;
        let mut fields: Vec<String> = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut any = false;
        loop {
            let Some(c) = self.next_char()? else {
                if quoted {
                    return Err(Error::invalid(
                        "file",
                        format!("line {start_line}: a quoted field is never closed"),
                    ));
                }
                if !any {
                    return Ok(None);
                }
                fields.push(field);
                return Ok(Some(fields));
            };
            any = true;
            if quoted {
                if c == '"' {
                    if self.peek_char()? == Some('"') {
                        self.next_char()?;
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if c == '\n' {
                        self.line += 1;
                    }
                    field.push(c);
                }
            } else if c == '"' && field.trim().is_empty() {
                field.clear();
                quoted = true;
            } else if c == self.delimiter {
                fields.push(std::mem::take(&mut field));
                if fields.len() > MAX_COLUMNS {
                    return Err(too_many_columns(start_line));
                }
            } else if c == '\n' || c == '\r' {
                if c == '\r' && self.peek_char()? == Some('\n') {
                    self.next_char()?;
                }
                self.line += 1;
                fields.push(field);
                return Ok(Some(fields));
            } else {
                field.push(c);
            }
            if field.len() > MAX_CELL_CHARS * 4 {
                return Err(Error::invalid(
                    "file",
                    format!(
                        "line {start_line}: a field is longer than {MAX_CELL_CHARS} characters (a quote left open?)"
                    ),
                ));
            }
        }
    }
}

pub(crate) fn too_many_columns(line: usize) -> Error {
    Error::invalid(
        "file",
        format!("row {line} has more than {MAX_COLUMNS} columns; an import takes at most {MAX_COLUMNS}"),
    )
}

fn read_error(e: std::io::Error) -> Error {
    Error::invalid("file", format!("the file cannot be read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::TextEncoding;

    fn records(text: &str, d: char) -> Vec<Vec<String>> {
        let stream = TextStream::new(text.as_bytes(), TextEncoding::Utf8).unwrap();
        let mut r = CsvRecords::new(stream, d);
        let mut out = vec![];
        while let Some(rec) = r.next_record().unwrap() {
            out.push(rec);
        }
        out
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_every_line_alike() {
        assert_eq!(
            detect_delimiter("Назва;Сума\nДах;1,5\nЛіс;2,25\n"),
            ';',
            "decimal commas"
        );
        assert_eq!(detect_delimiter("name,city\nDah,Lviv\n"), ',');
        assert_eq!(detect_delimiter("name\tcity\tphone\na\tb\tc\n"), '\t');
        assert_eq!(detect_delimiter("name|city\na|b\n"), '|');
        assert_eq!(
            detect_delimiter("\"Дах; Плюс\",Львів\n\"a;b\",c\n"),
            ',',
            "a delimiter inside quotes does not count"
        );
        assert_eq!(detect_delimiter("name\n"), ',', "one column: any delimiter reads it");
    }

    #[test]
    fn quotes_line_breaks_and_crlf_are_read_as_spreadsheets_write_them() {
        let got = records("a;b\r\n\"x;1\";\"say \"\"hi\"\"\nthere\"\r\n\nlast;", ';');
        assert_eq!(
            got,
            vec![
                vec!["a".to_string(), "b".into()],
                vec!["x;1".into(), "say \"hi\"\nthere".into()],
                vec!["".into()],
                vec!["last".into(), "".into()],
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_is_an_error_not_a_hang() {
        let stream = TextStream::new("a\n\"open".as_bytes(), TextEncoding::Utf8).unwrap();
        let mut r = CsvRecords::new(stream, ',');
        r.next_record().unwrap();
        let err = r.next_record().unwrap_err();
        assert_eq!(err.field.as_deref(), Some("file"));
        assert!(err.message.contains("line 2"), "{}", err.message);
    }
}
