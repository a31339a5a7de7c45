//! The organisation picker searches on every keystroke: how long one search takes, for each
//! prefix of a few real queries, over the whole list (catalogue, counties, 308 municipalities).
//! `cargo bench -p domain --bench search`; the figures are criterion's.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::search::search;

fn keystrokes(criterion: &mut Criterion) {
    // Warm the folded list once, as the first keystroke of a session does.
    black_box(search(""));
    let mut group = criterion.benchmark_group("search per keystroke");
    for query in ["helsingfors", "pirha", "aanekoski", "maarianhamina"] {
        // The first keystroke matches the most entries; the last ranks a handful.
        for typed in [&query[..1], &query[..3], query] {
            group.bench_function(typed, |bencher| bencher.iter(|| search(black_box(typed))));
        }
    }
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
