//! Any text: parsing never panics, and an address that parsed parses again to itself.
#![no_main]

use domain::Email;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(email) = text.parse::<Email>() {
        let again: Email = email.as_str().parse().expect("the stored form parses");
        assert_eq!(again, email);
    }
});
