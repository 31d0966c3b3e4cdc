//! A text file's encoding: a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE; without one, a
//! file that is valid UTF-8 throughout is UTF-8 and any other is Windows-1251, which is how a
//! Ukrainian or Russian Excel saves "CSV". The check streams the file once, in chunks.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251};
use serde::Serialize;
use std::io::Read;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub enum TextEncoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    #[serde(rename = "UTF-8 with BOM")]
    Utf8Bom,
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    #[serde(rename = "windows-1251")]
    Windows1251,
}

impl TextEncoding {
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1251 => "windows-1251",
        }
    }

    pub(crate) fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1251 => WINDOWS_1251,
        }
    }

    /// How many bytes of byte-order mark the text starts with.
    pub(crate) fn bom_len(self) -> usize {
        match self {
            TextEncoding::Utf8Bom => 3,
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => 2,
            _ => 0,
        }
    }
}

/// The encoding of the text `reader` gives, read to its end in chunks.
pub fn detect<R: Read>(mut reader: R) -> std::io::Result<TextEncoding> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    let mut first = true;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            // A cut-off character at the very end is not UTF-8 either.
            return Ok(if carry.is_empty() {
                TextEncoding::Utf8
            } else {
                TextEncoding::Windows1251
            });
        }
        let mut chunk = std::mem::take(&mut carry);
        chunk.extend_from_slice(&buf[..n]);
        if first {
            first = false;
            if chunk.starts_with(&[0xEF, 0xBB, 0xBF]) {
                return Ok(TextEncoding::Utf8Bom);
            }
            if chunk.starts_with(&[0xFF, 0xFE]) {
                return Ok(TextEncoding::Utf16Le);
            }
            if chunk.starts_with(&[0xFE, 0xFF]) {
                return Ok(TextEncoding::Utf16Be);
            }
        }
        match std::str::from_utf8(&chunk) {
            Ok(_) => {}
            // The chunk ends inside a character: keep its start for the next chunk.
            Err(e) if e.error_len().is_none() => carry = chunk[e.valid_up_to()..].to_vec(),
            Err(_) => return Ok(TextEncoding::Windows1251),
        }
    }
}

/// Decodes a byte stream into text a chunk at a time.
pub(crate) struct TextStream<R: Read> {
    reader: R,
    decoder: encoding_rs::Decoder,
    bytes: Vec<u8>,
    done: bool,
}

impl<R: Read> std::fmt::Debug for TextStream<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextStream").finish_non_exhaustive()
    }
}

impl<R: Read> TextStream<R> {
    /// `reader` starts at the beginning of the file; its byte-order mark is skipped.
    pub(crate) fn new(mut reader: R, encoding: TextEncoding) -> std::io::Result<Self> {
        let mut bom = vec![0u8; encoding.bom_len()];
        reader.read_exact(&mut bom)?;
        Ok(TextStream {
            reader,
            decoder: encoding.encoding().new_decoder_without_bom_handling(),
            bytes: vec![0u8; 64 * 1024],
            done: false,
        })
    }

    /// Appends the next chunk of text to `out`; `false` once the stream has ended.
    pub(crate) fn fill(&mut self, out: &mut String) -> std::io::Result<bool> {
        if self.done {
            return Ok(false);
        }
        let n = self.reader.read(&mut self.bytes)?;
        let last = n == 0;
        out.reserve(self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16));
        let (_, _, _) = self.decoder.decode_to_string(&self.bytes[..n], out, last);
        if last {
            self.done = true;
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8]) -> (TextEncoding, String) {
        let enc = detect(bytes).unwrap();
        let mut stream = TextStream::new(bytes, enc).unwrap();
        let mut text = String::new();
        while stream.fill(&mut text).unwrap() {}
        (enc, text)
    }

    #[test]
    fn each_encoding_is_told_by_its_bom_or_its_bytes() {
        let text = "Назва;Місто\nДах;Львів\n";
        assert_eq!(read_all(text.as_bytes()), (TextEncoding::Utf8, text.into()));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(
            read_all(&bom),
            (TextEncoding::Utf8Bom, text.into()),
            "the BOM is not text"
        );
        let (cp1251, _, _) = WINDOWS_1251.encode(text);
        assert_eq!(read_all(&cp1251), (TextEncoding::Windows1251, text.into()));
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_all(&le), (TextEncoding::Utf16Le, text.into()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read_all(&be), (TextEncoding::Utf16Be, text.into()));
    }

    #[test]
    fn a_character_split_between_chunks_is_still_utf8() {
        // 64 KiB of "я" (two bytes each) puts a character across the chunk boundary.
        let text = "я".repeat(40_000) + "\n";
        assert_eq!(detect(text.as_bytes()).unwrap(), TextEncoding::Utf8);
        let mut cut = text.into_bytes();
        cut.pop();
        cut.pop();
        assert_eq!(
            detect(&cut[..]).unwrap(),
            TextEncoding::Windows1251,
            "a file ending in half a character is not UTF-8"
        );
    }
}
