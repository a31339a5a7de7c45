//! Attachments of the administration's applications (a registrar's training certificate, SPEC
//! §5): which files are taken, how large, and under which name one is served.
//!
//! The type is decided from the file's own leading bytes (its magic number), never from its
//! name or the Content-Type the browser sent: `%PDF-` is a PDF, the eight-byte PNG signature a
//! PNG, `FF D8 FF` a JPEG, anything else (an executable's `MZ` or ELF header, a text, an
//! archive) is refused. A file's name is kept as uploaded, to show; it is served under an
//! ASCII name whose extension is the one of the type its bytes have, so a PDF uploaded as
//! `todistus.png` is stored and served as `todistus.pdf`, `application/pdf`.

use std::str::FromStr;

/// The most bytes an attachment may have: 5 MiB (5 × 1024 × 1024 = 5,242,880). The issue's
/// "5 MB" is read as the binary megabyte, which is what file managers show as 5 MB, so a file
/// a person sees as "5 MB" is never refused for being a few bytes over a decimal limit.
pub const MAX_ATTACHMENT_BYTES: u64 = 5 * 1024 * 1024;

/// How many leading bytes decide a file's type (the longest signature, PNG's).
pub const SNIFF_BYTES: usize = 8;

/// The most characters of an attachment's name.
pub const MAX_ATTACHMENT_NAME_LENGTH: usize = 255;

/// The most characters of a served name's stem (before its extension).
const MAX_DOWNLOAD_STEM_LENGTH: usize = 100;

/// The PNG signature.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

coded_enum! {
    value
    /// The types of file an attachment may be, as its bytes say.
    AttachmentKind {
        /// A PDF document (`%PDF-`).
        Pdf = "pdf",
        /// A PNG image (its eight-byte signature).
        Png = "png",
        /// A JPEG image (`FF D8 FF`).
        Jpeg = "jpeg",
    }
}

coded_enum! {
    error
    /// Why a file is not taken as an attachment.
    AttachmentError {
        /// The file has no bytes.
        Empty = "empty",
        /// More than [`MAX_ATTACHMENT_BYTES`].
        TooLarge = "too_large",
        /// Its bytes are none of PDF, PNG or JPEG.
        TypeNotAllowed = "type_not_allowed",
    }
}

impl AttachmentKind {
    /// The media type it is stored and served as.
    pub const fn media_type(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "application/pdf",
            AttachmentKind::Png => "image/png",
            AttachmentKind::Jpeg => "image/jpeg",
        }
    }

    /// The extension of a served name, without its dot.
    pub const fn extension(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Png => "png",
            AttachmentKind::Jpeg => "jpg",
        }
    }

    /// The type of a file that begins with `leading`: its first [`SNIFF_BYTES`] bytes, or the
    /// whole file when it is shorter. Only the bytes decide.
    pub fn sniff(leading: &[u8]) -> Result<AttachmentKind, AttachmentError> {
        if leading.is_empty() {
            Err(AttachmentError::Empty)
        } else if leading.starts_with(b"%PDF-") {
            Ok(AttachmentKind::Pdf)
        } else if leading.starts_with(&PNG_SIGNATURE) {
            Ok(AttachmentKind::Png)
        } else if leading.starts_with(&[0xff, 0xd8, 0xff]) {
            Ok(AttachmentKind::Jpeg)
        } else {
            Err(AttachmentError::TypeNotAllowed)
        }
    }

    /// The verdict on a whole file: its size first, then its type.
    pub fn of_file(bytes: &[u8]) -> Result<AttachmentKind, AttachmentError> {
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_ATTACHMENT_BYTES {
            return Err(AttachmentError::TooLarge);
        }
        AttachmentKind::sniff(&bytes[..bytes.len().min(SNIFF_BYTES)])
    }
}

/// An attachment's name as uploaded (the file's name on the uploader's computer): trimmed,
/// 1–255 characters, no control characters, no invisible direction marks, no folder (`/`,
/// `\`), not `.` or `..`. Shown as it is; served under [`AttachmentName::download_name`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AttachmentName(String);

coded_enum! {
    error
    /// Why a text is not an attachment's name.
    AttachmentNameError {
        /// No name was given.
        Required = "required",
        /// More than [`MAX_ATTACHMENT_NAME_LENGTH`] characters.
        TooLong = "too_long",
        /// A control character, an invisible direction mark, a folder separator, or only
        /// dots.
        InvalidCharacters = "invalid_characters",
    }
}

impl AttachmentName {
    /// The name as uploaded.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name the file is served under: ASCII letters, digits, `-`, `_` and `.` only
    /// (Finnish and Swedish letters without their marks, anything else `_`), at most 100
    /// characters before the extension, and the extension of `kind`, whatever the uploaded
    /// name's was. Safe in a quoted `Content-Disposition` filename as it is.
    pub fn download_name(&self, kind: AttachmentKind) -> String {
        let stem = match self.0.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem,
            _ => self.0.as_str(),
        };
        let mut safe = String::new();
        for character in stem.chars() {
            let replaced = match character {
                'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' => character,
                'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
                'Ä' | 'Å' | 'Á' | 'À' | 'Â' => 'A',
                'ö' | 'ó' | 'ò' | 'ô' | 'ø' => 'o',
                'Ö' | 'Ó' | 'Ò' | 'Ô' | 'Ø' => 'O',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'É' | 'È' | 'Ê' | 'Ë' => 'E',
                'ü' | 'ú' | 'ù' | 'û' => 'u',
                'Ü' | 'Ú' | 'Ù' | 'Û' => 'U',
                'š' => 's',
                'Š' => 'S',
                'ž' => 'z',
                'Ž' => 'Z',
                _ => '_',
            };
            // One `_` for a run of replaced characters and spaces.
            if !(replaced == '_' && safe.ends_with('_')) {
                safe.push(replaced);
            }
        }
        let safe: String = safe
            .trim_matches(['_', '.'])
            .chars()
            .take(MAX_DOWNLOAD_STEM_LENGTH)
            .collect();
        let safe = safe.trim_end_matches(['_', '.']);
        let stem = if safe.is_empty() { "liite" } else { safe };
        format!("{stem}.{}", kind.extension())
    }
}

impl FromStr for AttachmentName {
    type Err = AttachmentNameError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AttachmentNameError::Required);
        }
        let refused = |character: char| {
            character.is_control()
                || matches!(
                    character,
                    '/' | '\\'
                        | '\u{200e}'
                        | '\u{200f}'
                        | '\u{202a}'..='\u{202e}'
                        | '\u{2066}'..='\u{2069}'
                        | '\u{2028}'
                        | '\u{2029}'
                )
        };
        if text.chars().any(refused) || text.chars().all(|character| character == '.') {
            return Err(AttachmentNameError::InvalidCharacters);
        }
        if text.chars().count() > MAX_ATTACHMENT_NAME_LENGTH {
            return Err(AttachmentNameError::TooLong);
        }
        Ok(AttachmentName(text.to_owned()))
    }
}

crate::text_form!(AttachmentName);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vectors_get_their_verdicts() {
        crate::vectors::check_attachment();
        crate::vectors::check_attachment_name();
    }

    #[test]
    fn a_file_of_exactly_the_limit_is_taken_and_one_byte_more_is_not() {
        let mut file = b"%PDF-1.7\n".to_vec();
        file.resize(usize::try_from(MAX_ATTACHMENT_BYTES).unwrap(), b' ');
        assert_eq!(AttachmentKind::of_file(&file), Ok(AttachmentKind::Pdf));
        file.push(b' ');
        assert_eq!(
            AttachmentKind::of_file(&file),
            Err(AttachmentError::TooLarge)
        );
    }

    #[test]
    fn media_types_and_extensions() {
        assert_eq!(AttachmentKind::Pdf.media_type(), "application/pdf");
        assert_eq!(AttachmentKind::Png.media_type(), "image/png");
        assert_eq!(AttachmentKind::Jpeg.media_type(), "image/jpeg");
        assert_eq!(AttachmentKind::Jpeg.extension(), "jpg");
    }
}
