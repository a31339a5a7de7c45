//! Any text: parsing never panics, and a number that parsed parses again to itself.
#![no_main]

use domain::PhoneNumber;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(number) = text.parse::<PhoneNumber>() {
        let again: PhoneNumber = number.as_str().parse().expect("the stored form parses");
        assert_eq!(again, number);
        assert!(number.as_str().len() <= 16, "E.164 has at most 15 digits");
    }
});
