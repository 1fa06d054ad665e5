fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let n: usize = std::env::args().nth(2).map_or(20, |s| s.parse().unwrap());
    let mut total = 0;
    for _ in 0..n {
        total += kehoach::render::json(&kehoach::parse_text(&text)).len();
    }
    println!("{total}");
}
