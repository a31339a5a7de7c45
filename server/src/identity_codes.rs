//! Personal identity codes at rest: what the database keeps of a code is a sealed value and a
//! blind index, never the code, so a dump of the database alone does not reveal one.
//!
//! - **Sealed value**: XChaCha20-Poly1305 (an AEAD) under the encryption key, with a random
//!   192-bit nonce per value from the operating system (`getrandom`; nonces that large cannot
//!   collide by chance), and the column it belongs to as associated data (so a value copied
//!   into another column does not open there). Stored as
//!   `v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>`.
//! - **Blind index**: HMAC-SHA-256 of the normalised code (`IdentityCode::in_clear`: trimmed,
//!   upper-cased, the century sign as typed) under the index key, hex. Equal codes give equal
//!   indexes, so "the certificate of this order's person" is one indexed look-up, while the
//!   index of a code cannot be computed, nor a code guessed from it, without the key.
//! - **Keys**: the one configured key (`--identity-code-key`, `MTT_IDENTITY_CODE_KEY`; 32
//!   random bytes as 64 hex digits or base64) is HKDF's pseudorandom key (RFC 5869: it is
//!   uniformly random already, so the extract step is skipped) and HKDF-Expand with SHA-256
//!   derives the two working keys, domain-separated by their `info` labels, and a key id
//!   (the first four bytes of a third expansion), which names the key in every sealed value
//!   for rotation without revealing anything of it.
//!
//! Development without a configured key uses [`DEVELOPMENT_EXAMPLE_KEY`], embedded here and so
//! public: production mode refuses to start without a key of its own (`config.rs`).

use std::str::FromStr;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use domain::administration::IdentityCode;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The key development uses when none is configured: **an example, public in the source**; it
/// protects nothing. 64 hex digits, as a configured key may be written.
pub const DEVELOPMENT_EXAMPLE_KEY: &str =
    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

/// The version of the sealed values' form.
const SEALED_VERSION: &str = "v1";

/// The length of an XChaCha20 nonce.
const NONCE_LENGTH: usize = 24;

/// The configured key: 32 bytes. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct IdentityCodeKey([u8; 32]);

impl std::fmt::Debug for IdentityCodeKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("IdentityCodeKey(…)")
    }
}

/// Why a text is not an identity-code key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdentityCodeKeyError {
    /// Neither 64 hex digits nor base64 of 32 bytes.
    #[error("the identity code key is 32 random bytes as 64 hex digits or as base64")]
    Malformed,
    /// All bytes equal (all zeros, say): a placeholder, not a key.
    #[error("the identity code key has all its bytes equal: generate 32 random bytes")]
    NotRandom,
}

impl FromStr for IdentityCodeKey {
    type Err = IdentityCodeKeyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let bytes: Vec<u8> = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32)
                .map(|index| u8::from_str_radix(&text[index * 2..index * 2 + 2], 16))
                .collect::<Result<_, _>>()
                .map_err(|_| IdentityCodeKeyError::Malformed)?
        } else {
            STANDARD
                .decode(text)
                .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
                .map_err(|_| IdentityCodeKeyError::Malformed)?
        };
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| IdentityCodeKeyError::Malformed)?;
        if key.iter().all(|byte| *byte == key[0]) {
            return Err(IdentityCodeKeyError::NotRandom);
        }
        Ok(IdentityCodeKey(key))
    }
}

/// A sealed value that does not open: another key's, altered, or not a sealed value at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Sealed under the key with this id, which is not the configured one.
    #[error("sealed under another key ({0}); configure that key to read it")]
    OtherKey(String),
    /// Not of the sealed form, or its tag does not match (altered, or another column's).
    #[error("not a sealed identity code of this column, or altered")]
    Damaged,
}

/// HKDF-Expand (RFC 5869) with SHA-256 for one block: HMAC(prk, info ‖ 0x01).
fn expand(prk: &[u8; 32], info: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(prk).expect("HMAC takes any key");
    mac.update(info.as_bytes());
    mac.update(&[1]);
    mac.finalize().into_bytes().into()
}

/// The working keys of one configured key. Built once at start ([`crate::AppState`]).
pub struct IdentityCodes {
    cipher: XChaCha20Poly1305,
    index_key: [u8; 32],
    key_id: String,
}

impl std::fmt::Debug for IdentityCodes {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("IdentityCodes")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

/// Which column a sealed value belongs to (its associated data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedColumn {
    /// `service_certificates.identity_code_sealed`.
    Certificates,
    /// `card_orders.identity_code_sealed`.
    CardOrders,
}

impl SealedColumn {
    const fn label(self) -> &'static [u8] {
        match self {
            SealedColumn::Certificates => b"service_certificates.identity_code_sealed",
            SealedColumn::CardOrders => b"card_orders.identity_code_sealed",
        }
    }
}

impl IdentityCodes {
    /// The working keys derived from `key`.
    pub fn new(key: &IdentityCodeKey) -> IdentityCodes {
        let encryption = expand(&key.0, "mtt identity-code encryption v1");
        let index_key = expand(&key.0, "mtt identity-code blind index v1");
        let id = expand(&key.0, "mtt identity-code key id v1");
        IdentityCodes {
            cipher: XChaCha20Poly1305::new_from_slice(&encryption)
                .expect("XChaCha20-Poly1305 takes a 32-byte key"),
            index_key,
            key_id: id[..4].iter().map(|byte| format!("{byte:02x}")).collect(),
        }
    }

    /// The development example's working keys.
    pub fn development_example() -> IdentityCodes {
        IdentityCodes::new(
            &DEVELOPMENT_EXAMPLE_KEY
                .parse()
                .expect("the development example key is a key"),
        )
    }

    /// The id of the key, as the sealed values name it.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// `code` sealed for `column`, with a fresh random nonce.
    pub fn seal(&self, code: &IdentityCode, column: SealedColumn) -> String {
        let mut nonce = [0u8; NONCE_LENGTH];
        getrandom::fill(&mut nonce).expect("the operating system's randomness");
        let sealed = self
            .cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: code.in_clear().as_bytes(),
                    aad: column.label(),
                },
            )
            .expect("XChaCha20-Poly1305 seals any short message");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!(
            "{SEALED_VERSION}.{}.{}",
            self.key_id,
            URL_SAFE_NO_PAD.encode(bytes)
        )
    }

    /// The code sealed in `sealed` for `column`.
    pub fn open(&self, sealed: &str, column: SealedColumn) -> Result<IdentityCode, OpenError> {
        let mut parts = sealed.splitn(3, '.');
        let (Some(SEALED_VERSION), Some(key_id), Some(data)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(OpenError::Damaged);
        };
        if key_id != self.key_id {
            return Err(OpenError::OtherKey(key_id.to_owned()));
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(data)
            .map_err(|_| OpenError::Damaged)?;
        if bytes.len() <= NONCE_LENGTH {
            return Err(OpenError::Damaged);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LENGTH);
        let nonce: [u8; NONCE_LENGTH] = nonce.try_into().map_err(|_| OpenError::Damaged)?;
        let clear = self
            .cipher
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: column.label(),
                },
            )
            .map_err(|_| OpenError::Damaged)?;
        String::from_utf8(clear)
            .ok()
            .and_then(|text| text.parse().ok())
            .ok_or(OpenError::Damaged)
    }

    /// The blind index of `code`: HMAC-SHA-256 under the index key, as 64 hex digits.
    pub fn blind_index(&self, code: &IdentityCode) -> String {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(&self.index_key).expect("HMAC takes any key");
        mac.update(code.in_clear().as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> IdentityCode {
        text.parse().unwrap()
    }

    #[test]
    fn a_sealed_code_opens_to_itself_and_shows_nothing_of_it() {
        let codes = IdentityCodes::development_example();
        let maija = code("131052-308T");
        let sealed = codes.seal(&maija, SealedColumn::Certificates);
        assert!(
            sealed.starts_with(&format!("v1.{}.", codes.key_id())),
            "{sealed}"
        );
        for clear in ["131052-308T", "131052308", "308T", "131052"] {
            assert!(!sealed.contains(clear), "{sealed}");
        }
        assert_eq!(
            codes.open(&sealed, SealedColumn::Certificates),
            Ok(maija.clone())
        );
        // A fresh nonce each time: the same code seals differently.
        assert_ne!(sealed, codes.seal(&maija, SealedColumn::Certificates));
        // Another column's value does not open here.
        assert_eq!(
            codes.open(&sealed, SealedColumn::CardOrders),
            Err(OpenError::Damaged)
        );
        // One altered character does not open.
        let mut altered = sealed.clone().into_bytes();
        let last = altered.len() - 2;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            codes.open(
                &String::from_utf8(altered).unwrap(),
                SealedColumn::Certificates
            ),
            Err(OpenError::Damaged)
        );
        assert_eq!(
            codes.open("131052-308T", SealedColumn::Certificates),
            Err(OpenError::Damaged)
        );
    }

    #[test]
    fn another_key_neither_opens_nor_indexes_alike() {
        let example = IdentityCodes::development_example();
        let other = IdentityCodes::new(
            &"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
                .parse()
                .unwrap(),
        );
        let maija = code("131052-308T");
        let sealed = example.seal(&maija, SealedColumn::CardOrders);
        assert!(matches!(
            other.open(&sealed, SealedColumn::CardOrders),
            Err(OpenError::OtherKey(_))
        ));
        assert_ne!(example.blind_index(&maija), other.blind_index(&maija));
        assert_ne!(example.key_id(), other.key_id());
    }

    #[test]
    fn the_blind_index_is_of_the_normalised_code() {
        let codes = IdentityCodes::development_example();
        let index = codes.blind_index(&code("131052-308T"));
        assert_eq!(index.len(), 64);
        assert_eq!(index, codes.blind_index(&code(" 131052-308t ")));
        // The century sign is part of the code: Y marks another person than -.
        assert_ne!(
            codes.blind_index(&code("010190-123M")),
            codes.blind_index(&code("010190Y123M"))
        );
        assert!(!index.contains("131052"));
    }

    // Known-answer test: HKDF-Expand here is RFC 5869's, one block (its test case 1's PRK and
    // info give its OKM's first 32 bytes).
    #[test]
    fn the_key_derivation_is_hkdf_expand() {
        let prk: [u8; 32] = [
            0x07, 0x77, 0x09, 0x36, 0x2c, 0x2e, 0x32, 0xdf, 0x0d, 0xdc, 0x3f, 0x0d, 0xc4, 0x7b,
            0xba, 0x63, 0x90, 0xb6, 0xc7, 0x3b, 0xb5, 0x0f, 0x9c, 0x31, 0x22, 0xec, 0x84, 0x4a,
            0xd7, 0xc2, 0xb3, 0xe5,
        ];
        // The RFC's info is the bytes 0xf0–0xf9, not a text: the same computation over them.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&prk).unwrap();
        mac.update(&(0xf0..=0xf9).collect::<Vec<u8>>());
        mac.update(&[1]);
        let okm: [u8; 32] = mac.finalize().into_bytes().into();
        assert_eq!(okm[..8], [0x3c, 0xb2, 0x5f, 0x25, 0xfa, 0xac, 0xd5, 0x7a]);
        // And `expand` is that computation over a text label.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&prk).unwrap();
        mac.update(b"label");
        mac.update(&[1]);
        let expected: [u8; 32] = mac.finalize().into_bytes().into();
        assert_eq!(expand(&prk, "label"), expected);
    }

    #[test]
    fn keys_are_hex_or_base64_of_32_random_bytes_and_never_printed() {
        let hex: IdentityCodeKey = DEVELOPMENT_EXAMPLE_KEY.parse().unwrap();
        let base64 = STANDARD.encode(hex.0);
        assert_eq!(base64.parse::<IdentityCodeKey>(), Ok(hex.clone()));
        let url = URL_SAFE_NO_PAD.encode(hex.0);
        assert_eq!(url.parse::<IdentityCodeKey>(), Ok(hex.clone()));
        assert_eq!(format!("{hex:?}"), "IdentityCodeKey(…)");
        for wrong in [
            "",
            "00",
            &"0".repeat(63),
            &STANDARD.encode([7u8; 31]),
            "not a key",
        ] {
            assert_eq!(
                wrong.parse::<IdentityCodeKey>(),
                Err(IdentityCodeKeyError::Malformed),
                "{wrong}"
            );
        }
        assert_eq!(
            "0".repeat(64).parse::<IdentityCodeKey>(),
            Err(IdentityCodeKeyError::NotRandom)
        );
    }
}
