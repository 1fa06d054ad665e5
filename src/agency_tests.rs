//! Table tests for the agency grammar: field values from real plans plus other
//! provinces' wordings. Each split row checks names, notes and `group`.

use super::*;

/// (name, note, group)
type Row<'a> = (&'a str, Option<&'a str>, bool);

const N: Option<&str> = None;

fn got(agencies: &[Agency]) -> Vec<(String, Option<String>, bool)> {
    agencies
        .iter()
        .map(|a| (a.name.clone(), a.note.clone(), a.group))
        .collect()
}

fn want(rows: &[Row]) -> Vec<(String, Option<String>, bool)> {
    rows.iter()
        .map(|(n, note, g)| (n.to_string(), note.map(str::to_string), *g))
        .collect()
}

fn check_split(input: &str, rows: &[Row]) {
    assert_eq!(got(&split_agencies(input)), want(rows), "\ninput: {input}");
}

const CONG_AN: Row = ("Công an tỉnh", None, false);
const VP_UBND: Row = ("Văn phòng UBND tỉnh", None, false);
const VP_UBND_FULL: Row = ("Văn phòng Ủy ban nhân dân tỉnh", None, false);
const TTTT: Row = ("Sở Thông tin và Truyền thông", None, false);
const SBN_DT_DP_LQ: Row = (
    "các sở, ban, ngành, đoàn thể, địa phương liên quan",
    None,
    true,
);

#[test]
fn splits_real_field_values() {
    check_split("Công an tỉnh.", &[CONG_AN]);
    check_split(
        "Văn phòng UBND tỉnh và các sở, ban, ngành, đoàn thể, địa phương liên quan.",
        &[VP_UBND, SBN_DT_DP_LQ],
    );
    check_split(
        "Công an tỉnh, Văn phòng UBND tỉnh và các sở, ban, ngành, đoàn thể, địa phương liên quan.",
        &[CONG_AN, VP_UBND, SBN_DT_DP_LQ],
    );
    check_split(
        "Các cơ quan chuyên môn thuộc UBND tỉnh.",
        &[("Các cơ quan chuyên môn thuộc UBND tỉnh", N, true)],
    );
    check_split(
        "Sở Tư pháp, Công an tỉnh.",
        &[("Sở Tư pháp", N, false), CONG_AN],
    );
    check_split(
        "Công an tỉnh, Văn phòng UBND tỉnh và các sở, ban, ngành, đoàn thể, UBND cấp huyện, UBND cấp xã.",
        &[
            CONG_AN,
            VP_UBND,
            ("các sở, ban, ngành, đoàn thể", N, true),
            ("UBND cấp huyện", N, true),
            ("UBND cấp xã", N, true),
        ],
    );
    check_split(
        "Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã",
        &[
            ("Các sở, ban, ngành", N, true),
            ("UBND cấp huyện", N, true),
            ("UBND cấp xã", N, true),
        ],
    );
    check_split(
        "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông và Công an tỉnh.",
        &[VP_UBND, TTTT, CONG_AN],
    );
    check_split("Các sở, ban, ngành.", &[("Các sở, ban, ngành", N, true)]);
    check_split(
        "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông, Công an tỉnh và các đơn vị, địa phương liên quan.",
        &[
            VP_UBND,
            TTTT,
            CONG_AN,
            ("các đơn vị, địa phương liên quan", N, true),
        ],
    );
    check_split(
        "Các sở, ban, ngành, địa phương liên quan.",
        &[("Các sở, ban, ngành, địa phương liên quan", N, true)],
    );
    check_split(
        "Sở Thông tin và Truyền thông, Sở Tài chính, Sở Kế hoạch và Đầu tư, UBND cấp huyện (Phòng Tài chính - Kế hoạch), UBND cấp xã theo phân cấp quản lý nhà nước về đầu tư ứng dụng công nghệ thông tin và sử dụng vốn ngân sách nhà nước.",
        &[
            TTTT,
            ("Sở Tài chính", N, false),
            ("Sở Kế hoạch và Đầu tư", N, false),
            ("UBND cấp huyện", Some("Phòng Tài chính - Kế hoạch"), true),
            (
                "UBND cấp xã",
                Some(
                    "theo phân cấp quản lý nhà nước về đầu tư ứng dụng công nghệ thông tin và sử dụng vốn ngân sách nhà nước",
                ),
                true,
            ),
        ],
    );
    check_split(
        "Công an tỉnh, Sở Thông tin và Truyền thông, Bảo hiểm xã hội tỉnh và các sở, ban, ngành, đoàn thể, địa phương liên quan.",
        &[
            CONG_AN,
            TTTT,
            ("Bảo hiểm xã hội tỉnh", N, false),
            SBN_DT_DP_LQ,
        ],
    );
    check_split("Công an tỉnh, Văn phòng UBND tỉnh.", &[CONG_AN, VP_UBND]);
    check_split(
        "Sở Y tế và các sở, ban, ngành, đoàn thể, địa phương liên quan.",
        &[("Sở Y tế", N, false), SBN_DT_DP_LQ],
    );
    check_split(
        "Sở Lao động - Thương binh và Xã hội.",
        &[("Sở Lao động - Thương binh và Xã hội", N, false)],
    );
    check_split(
        "Công an tỉnh, các sở, ban, ngành, đoàn thể, địa phương liên quan.",
        &[CONG_AN, SBN_DT_DP_LQ],
    );
    check_split(
        "Các sở, ban, ngành, địa phương.",
        &[("Các sở, ban, ngành, địa phương", N, true)],
    );
    check_split(
        "UBND cấp huyện và UBND cấp xã.",
        &[("UBND cấp huyện", N, true), ("UBND cấp xã", N, true)],
    );
    check_split(
        "Sở Lao động - Thương binh và Xã hội, Sở Y tế, Sở Tài nguyên và Môi trường, các hội, đoàn thể theo chức năng, thẩm quyền quản lý.",
        &[
            ("Sở Lao động - Thương binh và Xã hội", N, false),
            ("Sở Y tế", N, false),
            ("Sở Tài nguyên và Môi trường", N, false),
            (
                "các hội, đoàn thể",
                Some("theo chức năng, thẩm quyền quản lý"),
                true,
            ),
        ],
    );
    // A group of bodies after "và" ends the qualifier.
    check_split(
        "Sở Nội vụ, các sở, ban, ngành Thành phố trong phạm vi chức năng, nhiệm vụ của mình và các cơ quan, tổ chức khác có liên quan.",
        &[
            ("Sở Nội vụ", N, false),
            (
                "các sở, ban, ngành Thành phố",
                Some("trong phạm vi chức năng, nhiệm vụ của mình"),
                true,
            ),
            ("các cơ quan, tổ chức khác có liên quan", N, true),
        ],
    );
    // After "liên quan" and a comma, a kind of body is a group of its own; after "và"
    // it shares the collective.
    check_split(
        "Bộ Tài chính, cơ quan, tổ chức có liên quan, cơ sở khám bệnh, chữa bệnh",
        &[
            ("Bộ Tài chính", N, false),
            ("cơ quan, tổ chức có liên quan", N, true),
            ("cơ sở khám bệnh, chữa bệnh", N, true),
        ],
    );
    check_split(
        "Bộ Nông nghiệp và Phát triển nông thôn, các cơ quan liên quan và địa phương có rừng",
        &[
            ("Bộ Nông nghiệp và Phát triển nông thôn", N, false),
            ("các cơ quan liên quan và địa phương có rừng", N, true),
        ],
    );
    // Schools by level are one kind of body.
    check_split(
        "Sở Giáo dục và Đào tạo, các trường đại học, cao đẳng trên địa bàn tỉnh",
        &[
            ("Sở Giáo dục và Đào tạo", N, false),
            ("các trường đại học, cao đẳng trên địa bàn tỉnh", N, true),
        ],
    );
    // Other words after "và" go on with the qualifier.
    check_split(
        "Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng",
        &[(
            "Các Phó chủ tịch",
            Some("phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"),
            true,
        )],
    );
    check_split(
        "Bộ Nội vụ; các sở, ban, ngành; UBND các huyện, thị xã, thành phố.",
        &[
            ("Bộ Nội vụ", N, false),
            ("các sở, ban, ngành", N, true),
            ("UBND các huyện, thị xã, thành phố", N, true),
        ],
    );
    check_split(
        "Sở Thông tin và Truyền thông, Công an tỉnh, Văn phòng UBND tỉnh và sở, ban, ngành, đoàn thể, địa phương theo thẩm quyền quản lý cán bộ, công chức, viên chức.",
        &[
            TTTT,
            CONG_AN,
            VP_UBND,
            (
                "sở, ban, ngành, đoàn thể, địa phương",
                Some("theo thẩm quyền quản lý cán bộ, công chức, viên chức"),
                true,
            ),
        ],
    );
    check_split(
        "Sở Thông tin và Truyền thông, Cơ quan chủ quản hệ thống thông tin, cơ sở dữ liệu chuyên ngành.",
        &[
            TTTT,
            (
                "Cơ quan chủ quản hệ thống thông tin, cơ sở dữ liệu chuyên ngành",
                N,
                true,
            ),
        ],
    );
    check_split(
        "Sở Thông tin và Truyền thông, Báo Quảng Nam, Đài Phát thanh - Truyền hình Quảng Nam, Công an tỉnh, UBND cấp huyện và các cơ quan báo chí đóng trên địa bàn.",
        &[
            TTTT,
            ("Báo Quảng Nam", N, false),
            ("Đài Phát thanh - Truyền hình Quảng Nam", N, false),
            CONG_AN,
            ("UBND cấp huyện", N, true),
            ("các cơ quan báo chí đóng trên địa bàn", N, true),
        ],
    );
    check_split(
        "Các sở, ban ngành, địa phương.",
        &[("Các sở, ban ngành, địa phương", N, true)],
    );
    check_split(
        "Văn phòng Ủy ban nhân dân tỉnh, Sở Thông tin và Truyền thông.",
        &[VP_UBND_FULL, TTTT],
    );
    check_split(
        "Văn phòng Ủy ban nhân dân tỉnh; Sở Thông tin và Truyền thông.",
        &[VP_UBND_FULL, TTTT],
    );
    check_split(
        "Tòa án nhân dân tỉnh, Sở Thông tin và Truyền thông.",
        &[("Tòa án nhân dân tỉnh", N, false), TTTT],
    );
    check_split(
        "Văn phòng Ủy ban nhân dân tỉnh (chỉ đạo Trung tâm Phục vụ hành chính công tỉnh);",
        &[(
            "Văn phòng Ủy ban nhân dân tỉnh",
            Some("chỉ đạo Trung tâm Phục vụ hành chính công tỉnh"),
            false,
        )],
    );
    check_split(
        "Ủy ban nhân dân cấp huyện (chỉ đạo Bộ phận Một cửa các cấp).",
        &[(
            "Ủy ban nhân dân cấp huyện",
            Some("chỉ đạo Bộ phận Một cửa các cấp"),
            true,
        )],
    );
    check_split(
        "Sở Kế hoạch và Đầu tư và các sở, ban ngành, địa phương.",
        &[
            ("Sở Kế hoạch và Đầu tư", N, false),
            ("các sở, ban ngành, địa phương", N, true),
        ],
    );
    check_split(
        "Các cơ quan, tổ chức và doanh nghiệp có liên quan.",
        &[("Các cơ quan, tổ chức và doanh nghiệp có liên quan", N, true)],
    );
    check_split(
        "Văn phòng Uỷ ban nhân dân tỉnh, Sở Thông tin và Truyền thông.",
        &[("Văn phòng Uỷ ban nhân dân tỉnh", N, false), TTTT],
    );
    check_split("Cục thuế tỉnh.", &[("Cục thuế tỉnh", N, false)]);
    check_split(
        "Công an tỉnh và các đơn vị liên quan thực hiện.",
        &[CONG_AN, ("các đơn vị liên quan", N, true)],
    );
    check_split(
        "Sở Lao động - Thương binh và Xã hội, Trung tâm Phục vụ hành chính công tỉnh.",
        &[
            ("Sở Lao động - Thương binh và Xã hội", N, false),
            ("Trung tâm Phục vụ hành chính công tỉnh", N, false),
        ],
    );
    check_split(
        "Công an tỉnh và các cơ quan, đơn vị liên quan; Ủy ban nhân dân cấp huyện, cấp xã.",
        &[
            CONG_AN,
            ("các cơ quan, đơn vị liên quan", N, true),
            ("Ủy ban nhân dân cấp huyện", N, true),
            ("Ủy ban nhân dân cấp xã", N, true),
        ],
    );
    check_split(
        "Sở Lao động - Thương binh và Xã hội, Ủy ban nhân dân cấp huyện, cấp xã.",
        &[
            ("Sở Lao động - Thương binh và Xã hội", N, false),
            ("Ủy ban nhân dân cấp huyện", N, true),
            ("Ủy ban nhân dân cấp xã", N, true),
        ],
    );
    check_split(
        "Ủy ban nhân dân cấp huyện, cấp xã.",
        &[
            ("Ủy ban nhân dân cấp huyện", N, true),
            ("Ủy ban nhân dân cấp xã", N, true),
        ],
    );
    check_split(
        "Sở Tài nguyên và Môi trường, Sở Văn hóa - Thể thao và Du lịch, Bưu điện tỉnh và Ủy ban nhân dân cấp huyện, cấp xã.",
        &[
            ("Sở Tài nguyên và Môi trường", N, false),
            ("Sở Văn hóa - Thể thao và Du lịch", N, false),
            ("Bưu điện tỉnh", N, false),
            ("Ủy ban nhân dân cấp huyện", N, true),
            ("Ủy ban nhân dân cấp xã", N, true),
        ],
    );
    check_split(
        "Sở Tài chính (đối với các nhiệm vụ sử dụng vốn sự nghiệp), Sở Kế hoạch và Đầu tư (đối với các nhiệm vụ sử dụng vốn đầu tư công) và Ủy ban nhân dân cấp huyện (đối với nguồn kinh phí thực hiện theo phân cấp).",
        &[
            (
                "Sở Tài chính",
                Some("đối với các nhiệm vụ sử dụng vốn sự nghiệp"),
                false,
            ),
            (
                "Sở Kế hoạch và Đầu tư",
                Some("đối với các nhiệm vụ sử dụng vốn đầu tư công"),
                false,
            ),
            (
                "Ủy ban nhân dân cấp huyện",
                Some("đối với nguồn kinh phí thực hiện theo phân cấp"),
                true,
            ),
        ],
    );
    check_split(
        "Sở Thông tin và Truyền thông, Công an tỉnh, Văn phòng Ủy ban nhân dân tỉnh.",
        &[TTTT, CONG_AN, VP_UBND_FULL],
    );
    check_split("Sở Nội vụ.", &[("Sở Nội vụ", N, false)]);
    check_split("Bộ Công an.", &[("Bộ Công an", N, false)]);
    check_split(
        "Sở TT&TT, Sở KH&ĐT",
        &[("Sở TT&TT", N, false), ("Sở KH&ĐT", N, false)],
    );
}

#[test]
fn splits_other_provinces_wordings() {
    // What the bodies were given describes the kind, however long: one collective.
    check_split(
        "Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch",
        &[(
            "Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch",
            N,
            true,
        )],
    );
    check_split(
        "Sở Tư pháp, các sở, ngành được giao chủ trì các nhiệm vụ tại Phụ lục kèm theo",
        &[
            ("Sở Tư pháp", N, false),
            (
                "các sở, ngành được giao chủ trì các nhiệm vụ tại Phụ lục kèm theo",
                N,
                true,
            ),
        ],
    );
    // Associations named with the country's name are one body each, though their names
    // open with a collective noun; forest owners are a kind of body, not part of the
    // province's committee; the State Bank in lower case is still the State Bank.
    check_split(
        "Ủy ban nhân dân tỉnh, Hội chủ rừng Việt Nam, Hiệp hội gỗ và lâm sản Việt Nam, cơ quan liên quan",
        &[
            ("Ủy ban nhân dân tỉnh", N, false),
            ("Hội chủ rừng Việt Nam", N, false),
            ("Hiệp hội gỗ và lâm sản Việt Nam", N, false),
            ("cơ quan liên quan", N, true),
        ],
    );
    check_split(
        "Ủy ban nhân dân tỉnh, chủ rừng, cơ quan liên quan",
        &[
            ("Ủy ban nhân dân tỉnh", N, false),
            ("chủ rừng, cơ quan liên quan", N, true),
        ],
    );
    check_split(
        "Ngân hàng nhà nước, cơ quan liên quan; Kiểm toán Nhà nước, nhà tài trợ",
        &[
            ("Ngân hàng nhà nước", N, false),
            ("cơ quan liên quan", N, true),
            ("Kiểm toán Nhà nước", N, false),
            ("nhà tài trợ", N, true),
        ],
    );
    // The party's merged board is one body.
    check_split(
        "Văn phòng Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy",
        &[
            ("Văn phòng Tỉnh ủy", N, false),
            ("Ban Tuyên giáo và Dân vận Tỉnh ủy", N, false),
        ],
    );
    // A field name continues after a comma or "và"; a place-bound name does not.
    check_split(
        "Phòng Bưu chính, Viễn thông; Trung tâm Thông tin và Xúc tiến du lịch",
        &[
            ("Phòng Bưu chính, Viễn thông", N, false),
            ("Trung tâm Thông tin và Xúc tiến du lịch", N, false),
        ],
    );
    // A field name may end with a field abbreviation.
    check_split(
        "Cục Chuyển đổi số và Thông tin dữ liệu TNMT, Viện Chiến lược, Chính sách TN&MT",
        &[
            ("Cục Chuyển đổi số và Thông tin dữ liệu TNMT", N, false),
            ("Viện Chiến lược, Chính sách TN&MT", N, false),
        ],
    );
    // A known field in lower case inside a longer name stays whole, and counts as one
    // word of a field name; "Tạp chí" opens a name.
    check_split(
        "Trung tâm Truyền thông tài nguyên và môi trường, Báo Tài nguyên và Môi trường, Tạp chí Tài nguyên và Môi trường",
        &[
            ("Trung tâm Truyền thông tài nguyên và môi trường", N, false),
            ("Báo Tài nguyên và Môi trường", N, false),
            ("Tạp chí Tài nguyên và Môi trường", N, false),
        ],
    );
    check_split(
        "Viện Chiến lược, Chính sách tài nguyên và môi trường",
        &[(
            "Viện Chiến lược, Chính sách tài nguyên và môi trường",
            N,
            false,
        )],
    );
    // A kind of body ending in "liên quan" stays in the open collective; one body, or
    // bodies named by a head of several words, do not.
    check_split(
        "các tổ chức quốc tế, các Viện nghiên cứu, Trường Đại học có liên quan",
        &[
            ("các tổ chức quốc tế", N, true),
            ("các Viện nghiên cứu, Trường Đại học có liên quan", N, true),
        ],
    );
    check_split(
        "các sở, ngành, Ủy ban nhân dân các huyện có liên quan",
        &[
            ("các sở, ngành", N, true),
            ("Ủy ban nhân dân các huyện có liên quan", N, true),
        ],
    );
    check_split(
        "các đơn vị, Sở Y tế",
        &[("các đơn vị", N, true), ("Sở Y tế", N, false)],
    );
    check_split(
        "Viện Chiến lược và Chính sách y tế và Bệnh viện Đa khoa tỉnh",
        &[
            ("Viện Chiến lược và Chính sách y tế", N, false),
            ("Bệnh viện Đa khoa tỉnh", N, false),
        ],
    );
    check_split(
        "Sở Thông tin và Truyền thông, Viễn thông Lào Cai, Bưu điện tỉnh",
        &[
            ("Sở Thông tin và Truyền thông", N, false),
            ("Viễn thông Lào Cai", N, false),
            ("Bưu điện tỉnh", N, false),
        ],
    );
    check_split(
        "Sở Nội vụ, Sở Tài chính và UBND các huyện, thành phố",
        &[
            ("Sở Nội vụ", N, false),
            ("Sở Tài chính", N, false),
            ("UBND các huyện, thành phố", N, true),
        ],
    );
    check_split(
        "Ban Quản lý các khu công nghiệp",
        &[("Ban Quản lý các khu công nghiệp", N, false)],
    );
    check_split(
        "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
        &[("Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", N, true)],
    );
    check_split(
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
        &[
            ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", N, false),
            ("các tổ chức chính trị - xã hội", N, true),
        ],
    );
    check_split(
        "UBND các xã, phường, thị trấn",
        &[("UBND các xã, phường, thị trấn", N, true)],
    );
    check_split(
        "Sở Văn hóa, Thể thao và Du lịch; Sở Giáo dục và Đào tạo; Đài Phát thanh và Truyền hình tỉnh.",
        &[
            ("Sở Văn hóa, Thể thao và Du lịch", N, false),
            ("Sở Giáo dục và Đào tạo", N, false),
            ("Đài Phát thanh và Truyền hình tỉnh", N, false),
        ],
    );
    check_split(
        "Sở Nông nghiệp và Phát triển nông thôn, Sở Khoa học và Công nghệ, Thanh tra tỉnh.",
        &[
            ("Sở Nông nghiệp và Phát triển nông thôn", N, false),
            ("Sở Khoa học và Công nghệ", N, false),
            ("Thanh tra tỉnh", N, false),
        ],
    );
    check_split(
        "Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh, Cục Hải quan tỉnh",
        &[
            (
                "Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh",
                N,
                false,
            ),
            ("Cục Hải quan tỉnh", N, false),
        ],
    );
    check_split(
        "Tỉnh Đoàn, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, Liên đoàn Lao động tỉnh",
        &[
            ("Tỉnh Đoàn", N, false),
            ("Hội Liên hiệp Phụ nữ tỉnh", N, false),
            ("Hội Nông dân tỉnh", N, false),
            ("Liên đoàn Lao động tỉnh", N, false),
        ],
    );
    check_split(
        "UBND cấp huyện, cấp xã",
        &[("UBND cấp huyện", N, true), ("UBND cấp xã", N, true)],
    );
    check_split(
        "Viettel Quảng Nam, VNPT Quảng Nam và các doanh nghiệp viễn thông",
        &[
            ("Viettel Quảng Nam", N, false),
            ("VNPT Quảng Nam", N, false),
            ("các doanh nghiệp viễn thông", N, true),
        ],
    );
    check_split(
        "- Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh cùng thực hiện.",
        &[
            ("Bộ Chỉ huy Quân sự tỉnh", N, false),
            ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", N, false),
        ],
    );
    check_split(
        "Tất cả các cơ quan, đơn vị trong phạm vi quản lý",
        &[(
            "Tất cả các cơ quan, đơn vị",
            Some("trong phạm vi quản lý"),
            true,
        )],
    );
    check_split(
        "Sở Lao động, Thương binh và Xã hội và Bảo hiểm xã hội tỉnh",
        &[
            ("Sở Lao động, Thương binh và Xã hội", N, false),
            ("Bảo hiểm xã hội tỉnh", N, false),
        ],
    );
    check_split(
        "Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội",
        &[(
            "Đồng chí Phó chủ tịch Thường trực",
            Some("phụ trách lĩnh vực Giám sát và Phản biện xã hội"),
            false,
        )],
    );
    // A collective of territorial units takes more units, not other kinds of body.
    check_split(
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương, cơ quan, tổ chức khác có liên quan",
        &[
            (
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                N,
                true,
            ),
            ("cơ quan, tổ chức khác có liên quan", N, true),
        ],
    );
    check_split(
        "các xã, phường, thị trấn, đặc khu",
        &[("các xã, phường, thị trấn, đặc khu", N, true)],
    );
    // A "và" that a comma and another kind of body follow joins two lists; a "và"
    // before the last kind of one list, or a kind closed by "liên quan", does not.
    check_split(
        "Các bộ, cơ quan ngang bộ và cơ quan, tổ chức liên quan",
        &[
            ("Các bộ, cơ quan ngang bộ", N, true),
            ("cơ quan, tổ chức liên quan", N, true),
        ],
    );
    check_split(
        "Cơ quan, tổ chức và doanh nghiệp liên quan",
        &[("Cơ quan, tổ chức và doanh nghiệp liên quan", N, true)],
    );
    check_split(
        "các bộ, ngành và chính quyền địa phương liên quan, nhà tài trợ",
        &[
            ("các bộ, ngành và chính quyền địa phương liên quan", N, true),
            ("nhà tài trợ", N, true),
        ],
    );
    check_split(
        "Các bộ, ngành và địa phương, Ủy ban nhân dân tỉnh",
        &[
            ("Các bộ, ngành và địa phương", N, true),
            ("Ủy ban nhân dân tỉnh", N, false),
        ],
    );
    check_split(
        "Cục Bảo tồn thiên nhiên và Đa dạng sinh học, đơn vị liên quan",
        &[
            ("Cục Bảo tồn thiên nhiên và Đa dạng sinh học", N, false),
            ("đơn vị liên quan", N, true),
        ],
    );
    // A body named by its field and the units it is found in: "tỉnh, thành phố" are the
    // units of one kind of body. Another body after the unit is one of its own.
    check_split(
        "Sở Tài chính tỉnh, thành phố trực thuộc Trung ương",
        &[(
            "Sở Tài chính tỉnh, thành phố trực thuộc Trung ương",
            N,
            false,
        )],
    );
    check_split(
        "Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung ương",
        &[
            ("Sở Văn hóa, Thể thao và Du lịch", N, false),
            (
                "Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung ương",
                N,
                false,
            ),
        ],
    );
    check_split(
        "Sở Y tế tỉnh, Công an tỉnh",
        &[("Sở Y tế tỉnh", N, false), ("Công an tỉnh", N, false)],
    );
    // A bare place after a people's committee named for a place is that place's
    // committee; after any other body, or after a collective, it stays as written.
    check_split(
        "UBND thành phố Hà Nội, Thành phố Hồ Chí Minh và các địa phương",
        &[
            ("UBND thành phố Hà Nội", N, false),
            ("UBND Thành phố Hồ Chí Minh", N, false),
            ("các địa phương", N, true),
        ],
    );
    check_split(
        "Hội đồng nhân dân tỉnh Gia Lai; Tỉnh Đắk Lắk",
        &[
            ("Hội đồng nhân dân tỉnh Gia Lai", N, false),
            ("Hội đồng nhân dân Tỉnh Đắk Lắk", N, false),
        ],
    );
    check_split(
        "Sở Y tế, Thành phố Hội An",
        &[("Sở Y tế", N, false), ("Thành phố Hội An", N, false)],
    );
    check_split(
        "UBND các tỉnh, Thành phố Hồ Chí Minh",
        &[
            ("UBND các tỉnh", N, true),
            ("Thành phố Hồ Chí Minh", N, false),
        ],
    );
    check_split("", &[]);
    check_split(" ; , . ", &[]);
}

#[test]
fn split_keeps_canonical_and_key() {
    let a = split_agencies("Văn phòng Uỷ ban nhân dân tỉnh, Sở TT&TT, Sở KH&ĐT");
    let canon: Vec<&str> = a.iter().map(|x| x.canonical.as_str()).collect();
    assert_eq!(
        canon,
        [
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Sở Thông tin và Truyền thông",
            "Sở Kế hoạch và Đầu tư"
        ]
    );
    assert_eq!(a[0].key, "van-phong-uy-ban-nhan-dan-tinh");
}

#[test]
fn canonical_forms() {
    for (input, want) in [
        ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        (
            "Sở Văn hoá, Thể thao và Du lịch",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        (
            "Sở Văn hóa - Thể thao và Du lịch",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở TTTT", "Sở Thông tin và Truyền thông"),
        ("Sở KH&ĐT.", "Sở Kế hoạch và Đầu tư"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Bộ NN&MT", "Bộ Nông nghiệp và Môi trường"),
        ("Sở NNMT", "Sở Nông nghiệp và Môi trường"),
        ("Bộ DT&TG", "Bộ Dân tộc và Tôn giáo"),
        // An abbreviation with a comma inside is one word.
        ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        (
            "Ủy ban KH,CN&MT",
            "Ủy ban Khoa học, Công nghệ và Môi trường",
        ),
        ("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
        (
            "Ban Chỉ huy PTDS các cấp",
            "Ban Chỉ huy phòng thủ dân sự các cấp",
        ),
        (
            "Ủy ban MTTQ Việt Nam tỉnh",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        ),
        ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Cục thuế tỉnh", "Cục Thuế tỉnh"),
        ("các đơn vị có liên quan", "Các đơn vị liên quan"),
        (
            "  Uỷ  ban nhân dân   cấp huyện ; ",
            "Ủy ban nhân dân cấp huyện",
        ),
        ("sở tài chính", "Sở Tài chính"),
        (
            "Cục Cảnh sát QLHC về TTXH - Bộ Công an",
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội - Bộ Công an",
        ),
        (
            "UBND các huyện, thị xã, thành phố",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
        ),
        ("Các sở, ban, ngành", "Các sở, ban, ngành"),
        ("vp", "Vp"),
    ] {
        assert_eq!(canonical(input), want, "input: {input}");
    }
}

#[test]
fn keys_join_spellings() {
    let k = |s: &str| make_agency(s, None).key;
    assert_eq!(k("Văn phòng UBND tỉnh"), "van-phong-uy-ban-nhan-dan-tinh");
    assert_eq!(k("Văn phòng Uỷ ban nhân dân tỉnh"), k("VP UBND tỉnh"));
    assert_eq!(
        k("Sở Văn hoá - Thể thao và Du lịch"),
        "so-van-hoa-the-thao-va-du-lich"
    );
    assert_eq!(k("Sở LĐ-TB&XH"), "so-lao-dong-thuong-binh-va-xa-hoi");
    assert_eq!(
        k("các sở, ban, ngành có liên quan"),
        k("Các sở, ban, ngành liên quan")
    );
    let a = make_agency(" Công an tỉnh. ", Some(" (x) ".into()));
    assert_eq!((a.name.as_str(), a.group), ("Công an tỉnh", false));
    assert_eq!(make_agency("Sở Y tế", Some("  ".into())).note, None);
}

fn heading_rows(text: &str) -> Option<Vec<(String, Option<String>, bool)>> {
    agency_heading(text).map(|a| got(&a))
}

#[test]
fn agency_headings_inside_a_phrase() {
    // (heading, its agencies as (name, canonical)); None: not a responsibility heading.
    type Names = &'static [(&'static str, &'static str)];
    let table: &[(&str, Option<Names>)] = &[
        (
            "Trách nhiệm của Sở Nội vụ",
            Some(&[("Sở Nội vụ", "Sở Nội vụ")]),
        ),
        (
            "Sở Tài chính có trách nhiệm:",
            Some(&[("Sở Tài chính", "Sở Tài chính")]),
        ),
        (
            "NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
            Some(&[("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bộ Tài nguyên và Môi trường")]),
        ),
        (
            "Trách nhiệm của các cơ quan, đơn vị liên quan",
            Some(&[(
                "các cơ quan, đơn vị liên quan",
                "Các cơ quan, đơn vị liên quan",
            )]),
        ),
        (
            "Đối với Ủy ban nhân dân các huyện, thành phố:",
            Some(&[(
                "Ủy ban nhân dân các huyện, thành phố",
                "Ủy ban nhân dân các huyện, thành phố",
            )]),
        ),
        (
            "Các sở, ban, ngành thực hiện",
            Some(&[("Các sở, ban, ngành", "Các sở, ban, ngành")]),
        ),
        // A proper name the lexicon does not know keeps its capitals.
        (
            "UBND TỈNH KON TUM",
            Some(&[("UBND TỈNH KON TUM", "Ủy ban nhân dân TỈNH KON TUM")]),
        ),
        // Party bodies inside state bodies, and committees whose names hold a comma.
        (
            "Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách",
            Some(&[(
                "Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách",
                "Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách",
            )]),
        ),
        (
            "Tổ đảng ở Thường trực Ủy ban KH,CN&MT",
            Some(&[(
                "Tổ đảng ở Thường trực Ủy ban KH,CN&MT",
                "Tổ đảng ở Thường trực Ủy ban Khoa học, Công nghệ và Môi trường",
            )]),
        ),
        (
            "Chi bộ Văn phòng",
            Some(&[("Chi bộ Văn phòng", "Chi bộ Văn phòng")]),
        ),
        (
            "Lãnh đạo Ban Dân nguyện",
            Some(&[("Lãnh đạo Ban Dân nguyện", "Lãnh đạo Ban Dân nguyện")]),
        ),
        ("Lãnh đạo, chỉ đạo thực hiện", None),
        ("Trách nhiệm thực hiện", None),
        ("Nhiệm vụ của Kế hoạch", None),
        ("Đối với các dự án đầu tư", None),
        ("Tổ chức thực hiện", None),
    ];
    for (heading, want) in table {
        let got = agency_heading(heading).map(|v| {
            v.into_iter()
                .map(|a| (a.name, a.canonical))
                .collect::<Vec<_>>()
        });
        let want = want.map(|w| {
            w.iter()
                .map(|(n, c)| (n.to_string(), c.to_string()))
                .collect::<Vec<_>>()
        });
        assert_eq!(got, want, "{heading}");
    }
}

#[test]
fn agency_headings() {
    // Trade associations.
    assert_eq!(
        heading_rows("Hiệp hội Du lịch tỉnh Ninh Bình và Hiệp hội Doanh nghiệp tỉnh"),
        Some(want(&[
            ("Hiệp hội Du lịch tỉnh Ninh Bình", N, false),
            ("Hiệp hội Doanh nghiệp tỉnh", N, false)
        ]))
    );
    // Units named after their collective, after a colon or a last unit word; the names
    // belong to the agency. Names that are not capitalised are no names.
    assert_eq!(
        heading_rows("Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông"),
        Some(want(&[(
            "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông",
            N,
            true
        )]))
    );
    assert_eq!(
        heading_rows("Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ:"),
        Some(want(&[(
            "Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ",
            N,
            true
        )]))
    );
    assert_eq!(
        heading_rows("Ủy ban nhân dân các xã: tổ chức tuyên truyền"),
        None
    );
    assert_eq!(heading_rows("Sở Y tế: Gia Thuận"), None);
    // A collective and, after a colon, its members by name: the collective, members
    // as its note. Work after the colon is no member list.
    assert_eq!(
        heading_rows(
            "Các đơn vị chuyên môn: Khoa Lý luận Chính trị, Viện Kinh tế Quản lý và Khoa Giáo dục Quốc phòng An ninh"
        ),
        Some(want(&[(
            "Các đơn vị chuyên môn",
            Some(
                "Khoa Lý luận Chính trị, Viện Kinh tế Quản lý và Khoa Giáo dục Quốc phòng An ninh"
            ),
            true
        )]))
    );
    assert_eq!(heading_rows("Các địa phương: Thực hiện tốt công tác"), None);
    // Agency lists joined by ";", a request, units of one level.
    assert_eq!(
        heading_rows("Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ"),
        Some(want(&[
            ("Sở Văn hóa, Thể thao và Du lịch", N, false),
            ("Báo và Phát thanh, Truyền hình Cần Thơ", N, false)
        ]))
    );
    assert_eq!(
        heading_rows("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"),
        Some(want(&[(
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
            N,
            false
        )]))
    );
    assert_eq!(
        heading_rows("Ủy ban nhân dân xã, phường"),
        Some(want(&[("Ủy ban nhân dân xã, phường", N, true)]))
    );
    assert_eq!(heading_rows("Sở Y tế; tuyên truyền về dân số"), None);
    assert_eq!(
        heading_rows("Công an tỉnh - Cơ quan thường trực Tổ Công tác"),
        Some(want(&[(
            "Công an tỉnh",
            Some("Cơ quan thường trực Tổ Công tác"),
            false
        )]))
    );
    assert_eq!(
        heading_rows("Công an tỉnh (Cơ quan thường trực Tổ Công tác triển khai Đề án 06 tỉnh):"),
        Some(want(&[(
            "Công an tỉnh",
            Some("Cơ quan thường trực Tổ Công tác triển khai Đề án 06 tỉnh"),
            false
        )]))
    );
    assert_eq!(
        heading_rows("Sở Tài chính, Sở Kế hoạch và Đầu tư"),
        Some(want(&[
            ("Sở Tài chính", N, false),
            ("Sở Kế hoạch và Đầu tư", N, false)
        ]))
    );
    assert_eq!(
        heading_rows("Tỉnh Đoàn, Hội Liên hiệp Phụ nữ tỉnh"),
        Some(want(&[
            ("Tỉnh Đoàn", N, false),
            ("Hội Liên hiệp Phụ nữ tỉnh", N, false)
        ]))
    );
    assert_eq!(
        heading_rows("UBND các huyện, thị xã, thành phố"),
        Some(want(&[("UBND các huyện, thị xã, thành phố", N, true)]))
    );
    assert_eq!(
        heading_rows("Các sở, ngành và địa phương:"),
        Some(want(&[("Các sở, ngành và địa phương", N, true)]))
    );
    assert_eq!(
        heading_rows("Ngân hàng Nhà nước tỉnh"),
        Some(want(&[("Ngân hàng Nhà nước tỉnh", N, false)]))
    );
    assert_eq!(heading_rows("Văn phòng UBND tỉnh"), Some(want(&[VP_UBND])));
    assert_eq!(
        heading_rows("Các sở, ban, ngành"),
        Some(want(&[("Các sở, ban, ngành", N, true)]))
    );
    assert_eq!(
        heading_rows("3. Bưu điện tỉnh"),
        Some(want(&[("Bưu điện tỉnh", N, false)]))
    );
    assert_eq!(
        heading_rows("b) Báo Quảng Nam, Đài Phát thanh - Truyền hình Quảng Nam").map(|v| v.len()),
        Some(2)
    );
    // A body under either of two names, as a field value reads it.
    assert_eq!(
        heading_rows(
            "3. Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung ương"
        ),
        Some(want(&[
            ("Sở Văn hóa, Thể thao và Du lịch", N, false),
            (
                "Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung ương",
                N,
                false
            ),
        ]))
    );
    for negative in [
        "Nhiệm vụ chung của các sở, ban ngành, địa phương",
        "Công tác tuyên truyền",
        "Về dịch vụ công",
        "Phục vụ phát triển kinh tế, xã hội",
        "Nguồn lực triển khai",
        "Kinh phí thực hiện",
        "Hoàn thiện hệ sinh thái phục vụ kết nối, khai thác, bổ sung làm giàu dữ liệu dân cư",
        "TỔ CHỨC THỰC HIỆN",
        "Tổ chức thực hiện",
        "Báo cáo kết quả thực hiện",
        "Hội nghị sơ kết",
        "Sở Thông tin và Truyền thông chủ trì thực hiện",
        "",
        ":",
    ] {
        assert_eq!(heading_rows(negative), None, "heading: {negative}");
    }
}

fn names(a: &[Agency]) -> Vec<&str> {
    a.iter().map(|x| x.name.as_str()).collect()
}

fn assignment(s: &str) -> Option<(Vec<String>, Vec<String>, String)> {
    parse_inline_assignment(s).map(|a| {
        let own = |v: &[Agency]| names(v).into_iter().map(str::to_string).collect::<Vec<_>>();
        (
            own(&a.lead),
            own(&a.support),
            s.get(a.rest_start..).unwrap_or("?").to_string(),
        )
    })
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn inline_assignments() {
    let rows: &[(&str, &[&str], &[&str], &str)] = &[
        (
            "Bộ Thông tin và Truyền thông phối hợp với các Bộ liên quan chỉ đạo các cơ quan thông tấn, báo chí, các đài phát thanh, truyền hình ở trung ương và địa phương xây dựng chuyên mục.",
            &[
                "Bộ Thông tin và Truyền thông",
                "các cơ quan thông tấn, báo chí",
                "các đài phát thanh, truyền hình ở trung ương và địa phương",
            ],
            &["các Bộ liên quan"],
            "xây dựng chuyên mục.",
        ),
        // The work before a colon, then "X phối hợp với Y …" (after a fronted clause).
        (
            "Thực hiện mở tài khoản: Ủy ban nhân dân xã, phường phối hợp với các Ngân hàng thương mại thực hiện mở tài khoản.",
            &["Ủy ban nhân dân xã, phường"],
            &["các Ngân hàng thương mại"],
            "thực hiện mở tài khoản.",
        ),
        (
            "Thực hiện chi trả: Sau khi mở tài khoản, Ủy ban nhân dân xã, phường phối hợp với các tổ chức chi trả dịch vụ ký kết hợp đồng.",
            &["Ủy ban nhân dân xã, phường"],
            &["các tổ chức chi trả dịch vụ"],
            "ký kết hợp đồng.",
        ),
        // Partners named by their role in a piece of their own after ";".
        (
            "Sở Nông nghiệp và Môi trường chủ trì tham mưu; các sở, ngành liên quan phối hợp.",
            &["Sở Nông nghiệp và Môi trường"],
            &["các sở, ngành liên quan"],
            "tham mưu; các sở, ngành liên quan phối hợp.",
        ),
        // The lead's role said with "là".
        (
            "Sở Y tế là cơ quan chủ trì, phối hợp với Sở Xây dựng; thời gian thực hiện: năm 2025.",
            &["Sở Y tế"],
            &["Sở Xây dựng"],
            "; thời gian thực hiện: năm 2025.",
        ),
        (
            "Văn phòng Ủy ban nhân dân tỉnh là đầu mối, phối hợp với các sở theo dõi, tổng hợp.",
            &["Văn phòng Ủy ban nhân dân tỉnh"],
            &["các sở"],
            "theo dõi, tổng hợp.",
        ),
        // The work named before a colon, its assignment after it.
        (
            "Xây dựng kế hoạch: Sở Tài chính chủ trì, phối hợp với các sở thực hiện trong quý II/2025.",
            &["Sở Tài chính"],
            &["các sở"],
            "thực hiện trong quý II/2025.",
        ),
        // An adverb between the subject and its role.
        (
            "Các bộ, ngành, địa phương chủ động phối hợp với Bộ Nội vụ tham mưu cấp có thẩm quyền khen thưởng.",
            &["Các bộ, ngành, địa phương"],
            &["Bộ Nội vụ"],
            "tham mưu cấp có thẩm quyền khen thưởng.",
        ),
        (
            "Ủy ban nhân dân quận, huyện chỉ đạo Phòng Lao động - Thương binh và Xã hội phối hợp với các phòng, ban có liên quan rà soát danh sách.",
            &[
                "Ủy ban nhân dân quận, huyện",
                "Phòng Lao động - Thương binh và Xã hội",
            ],
            &["các phòng, ban có liên quan"],
            "rà soát danh sách.",
        ),
        // Asked to have another body do the work: that body alone leads; a later clause
        // that opens with the role names more partners.
        (
            "Đề nghị UBND tỉnh chỉ đạo Bộ Chỉ huy Quân sự tỉnh phối hợp với Sở Tài chính xây dựng phương án; phối hợp với Sở Tài nguyên và Môi trường hoàn thiện thủ tục.",
            &["Bộ Chỉ huy Quân sự tỉnh"],
            &["Sở Tài chính", "Sở Tài nguyên và Môi trường"],
            "xây dựng phương án; phối hợp với Sở Tài nguyên và Môi trường hoàn thiện thủ tục.",
        ),
        (
            "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Sở Tài chính lập Đề án hỗ trợ.",
            &["Sở Xây dựng"],
            &["Sở Lao động - Thương binh và Xã hội", "Sở Tài chính"],
            "lập Đề án hỗ trợ.",
        ),
        (
            "Sở Thông tin và Truyền thông chủ trì, phối hợp các sở, ban ngành, địa phương và các đơn vị có liên quan thực hiện trong năm 2024 và các năm tiếp theo.",
            &["Sở Thông tin và Truyền thông"],
            &["các sở, ban ngành, địa phương", "các đơn vị có liên quan"],
            "thực hiện trong năm 2024 và các năm tiếp theo.",
        ),
        (
            "Các sở, ban ngành, địa phương theo chức năng, nhiệm vụ quản lý nhà nước chủ trì, phối hợp với các cơ quan, đơn vị liên quan thực hiện hằng năm.",
            &["Các sở, ban ngành, địa phương"],
            &["các cơ quan, đơn vị liên quan"],
            "thực hiện hằng năm.",
        ),
        (
            "Sở Tài chính, Sở Kế hoạch và Đầu tư theo chức năng, nhiệm vụ được giao chủ trì, phối hợp với các sở, ban ngành, địa phương thực hiện, đảm bảo hoàn thành theo lộ trình kế hoạch.",
            &["Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
            &["các sở, ban ngành, địa phương"],
            "thực hiện, đảm bảo hoàn thành theo lộ trình kế hoạch.",
        ),
        (
            "Phòng Bưu chính, Viễn thông chủ trì rà soát hạ tầng; hoàn thành trong Quý II/2025.",
            &["Phòng Bưu chính, Viễn thông"],
            &[],
            "rà soát hạ tầng; hoàn thành trong Quý II/2025.",
        ),
        (
            "Công an tỉnh chủ trì thực hiện, hoàn thành trong Quý II/2024.",
            &["Công an tỉnh"],
            &[],
            "thực hiện, hoàn thành trong Quý II/2024.",
        ),
        (
            "Sở Nội vụ chủ trì, Sở Tài chính và UBND cấp huyện phối hợp thực hiện trước ngày 30/6/2024.",
            &["Sở Nội vụ"],
            &["Sở Tài chính", "UBND cấp huyện"],
            "thực hiện trước ngày 30/6/2024.",
        ),
        (
            "- Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Thông tin và Truyền thông, Công an tỉnh tham mưu triển khai.",
            &["Văn phòng UBND tỉnh"],
            &["Sở Thông tin và Truyền thông", "Công an tỉnh"],
            "tham mưu triển khai.",
        ),
        (
            "* Giao Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh triển khai thực hiện.",
            &["Sở Y tế"],
            &["Bảo hiểm xã hội tỉnh"],
            "triển khai thực hiện.",
        ),
        (
            "Ủy ban nhân dân cấp huyện, cấp xã chủ trì thực hiện.",
            &["Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp xã"],
            &[],
            "thực hiện.",
        ),
        (
            "Sở Thông tin và Truyền thông chủ trì",
            &["Sở Thông tin và Truyền thông"],
            &[],
            "",
        ),
        // No "chủ trì": the subject works with its partner.
        (
            "- Phòng Y tế huyện phối hợp với Trung tâm Y tế huyện triển khai sử dụng CCCD khi khám chữa bệnh.",
            &["Phòng Y tế huyện"],
            &["Trung tâm Y tế huyện"],
            "triển khai sử dụng CCCD khi khám chữa bệnh.",
        ),
        (
            "Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Công an huyện thực hiện.",
            &["Văn phòng HĐND và UBND huyện"],
            &["Công an huyện"],
            "thực hiện.",
        ),
    ];
    for (input, lead, support, rest) in rows {
        assert_eq!(
            assignment(input),
            Some((strs(lead), strs(support), rest.to_string())),
            "\ninput: {input}"
        );
    }
    for negative in [
        "Sở Thông tin và Truyền thông thực hiện trong năm 2024.",
        "Chủ trì, phối hợp với Công an tỉnh thực hiện.",
        "Tiếp tục rà soát các thủ tục hành chính do Sở Tư pháp chủ trì.",
        "Tăng cường phối hợp với Công an tỉnh trong rà soát dữ liệu.",
        "Phối hợp với Công an tỉnh thực hiện.",
        "100% thủ tục hành chính được số hóa.",
        "",
        "chủ trì",
    ] {
        assert_eq!(assignment(negative), None, "input: {negative}");
    }
}

#[test]
fn inline_assignment_qualified_subject_note() {
    let a = parse_inline_assignment(
        "Các sở, ban ngành, địa phương theo chức năng, nhiệm vụ quản lý nhà nước chủ trì, phối hợp với các cơ quan, đơn vị liên quan thực hiện.",
    )
    .expect("assignment");
    assert_eq!(
        a.lead[0].note.as_deref(),
        Some("theo chức năng, nhiệm vụ quản lý nhà nước")
    );
    assert!(a.lead[0].group);
}

/// (sentence, heading, lead, support)
type DutyRow<'a> = (&'a str, &'a [Agency], &'a [&'a str], &'a [&'a str]);

fn duty(s: &str, heading: &[Agency]) -> (Vec<String>, Vec<String>) {
    let (l, r) = duty_agencies(s, heading);
    (strs(&names(&l)), strs(&names(&r)))
}

#[test]
fn duties() {
    let ca = split_agencies("Công an tỉnh");
    let tt = split_agencies("Sở Thông tin và Truyền thông");
    let hh = split_agencies("Hiệp hội Du lịch tỉnh Ninh Bình");
    let rows: Vec<DutyRow> = vec![
        // A department named by its field is whole: the lower-case word after it is
        // the work, whatever verb it is.
        (
            "Phối hợp với Sở Du lịch truyền thông quảng bá về du lịch biển Ninh Bình.",
            &hh,
            &["Sở Du lịch"],
            &["Hiệp hội Du lịch tỉnh Ninh Bình"],
        ),
        (
            "Phối hợp với Bộ Kế hoạch và Đầu tư cân đối, bố trí vốn đầu tư phát triển.",
            &tt,
            &["Bộ Kế hoạch và Đầu tư"],
            &["Sở Thông tin và Truyền thông"],
        ),
        (
            "Chủ trì, phối hợp với Bộ Khoa học và Công nghệ trong việc xây dựng tiêu chuẩn.",
            &tt,
            &["Sở Thông tin và Truyền thông"],
            &["Bộ Khoa học và Công nghệ"],
        ),
        (
            "Phối hợp Văn phòng Ủy ban nhân dân tỉnh, Sở Thông tin và Truyền thông, các đơn vị liên quan xây dựng mô hình trung tâm điều hành.",
            &ca,
            &[
                "Văn phòng Ủy ban nhân dân tỉnh",
                "Sở Thông tin và Truyền thông",
                "các đơn vị liên quan",
            ],
            &["Công an tỉnh"],
        ),
        (
            "Chủ trì, phối hợp với Cục Cảnh sát QLHC về TTXH - Bộ Công an và Công an tỉnh bảo đảm các điều kiện kết nối.",
            &tt,
            &["Sở Thông tin và Truyền thông"],
            &["Cục Cảnh sát QLHC về TTXH - Bộ Công an", "Công an tỉnh"],
        ),
        (
            "Chỉ đạo công tác tuyên truyền về Đề án 06.",
            &tt,
            &["Sở Thông tin và Truyền thông"],
            &[],
        ),
        (
            "Chủ trì phối hợp với Sở Tư pháp rà soát thủ tục hành chính.",
            &ca,
            &["Công an tỉnh"],
            &["Sở Tư pháp"],
        ),
        (
            "- Phối hợp với Sở Xây dựng, Ban Tổ chức Tỉnh ủy khai thác dữ liệu dân cư.",
            &ca,
            &["Sở Xây dựng", "Ban Tổ chức Tỉnh ủy"],
            &["Công an tỉnh"],
        ),
        (
            "Phối hợp chặt chẽ với UBND cấp huyện, cấp xã làm sạch dữ liệu.",
            &tt,
            &["UBND cấp huyện", "UBND cấp xã"],
            &["Sở Thông tin và Truyền thông"],
        ),
        (
            "Chủ trì, phối hợp với các sở, ban, ngành và các tổ chức, doanh nghiệp tổ chức tập huấn.",
            &tt,
            &["Sở Thông tin và Truyền thông"],
            &["các sở, ban, ngành", "các tổ chức, doanh nghiệp"],
        ),
        (
            "Phối hợp với Bưu điện tỉnh, năm 2024 hoàn thành.",
            &ca,
            &["Bưu điện tỉnh"],
            &["Công an tỉnh"],
        ),
        (
            "Chủ trì triển khai các nhiệm vụ.",
            &ca,
            &["Công an tỉnh"],
            &[],
        ),
        (
            "Phối hợp thực hiện các nhiệm vụ.",
            &ca,
            &["Công an tỉnh"],
            &[],
        ),
        ("", &ca, &["Công an tỉnh"], &[]),
        // The role after a fronted clause or an adverb still opens the duty.
        (
            "Căn cứ vào khả năng cân đối ngân sách hàng năm, phối hợp với Sở Y tế tham mưu bố trí kinh phí.",
            &tt,
            &["Sở Y tế"],
            &["Sở Thông tin và Truyền thông"],
        ),
        (
            "Căn cứ chức năng, nhiệm vụ được giao, chủ động phối hợp với Công an tỉnh triển khai.",
            &tt,
            &["Công an tỉnh"],
            &["Sở Thông tin và Truyền thông"],
        ),
        (
            "Chủ động phối hợp với Sở Nội vụ rà soát.",
            &tt,
            &["Sở Nội vụ"],
            &["Sở Thông tin và Truyền thông"],
        ),
        // A fronted clause with no role after it decides nothing.
        (
            "Căn cứ chức năng, nhiệm vụ, hướng dẫn các đơn vị phối hợp với Sở Y tế.",
            &tt,
            &["Sở Thông tin và Truyền thông"],
            &[],
        ),
        // Bare kind nouns, then bodies of another kind: two collectives.
        (
            "Chủ trì, phối hợp với sở, ban, ngành, Ủy ban nhân dân xã, phường tăng cường kiểm tra.",
            &tt,
            &["Sở Thông tin và Truyền thông"],
            &["sở, ban, ngành", "Ủy ban nhân dân xã, phường"],
        ),
        (
            "Phối hợp với các ngành, các cấp tăng cường tuyên truyền.",
            &tt,
            &["các ngành, các cấp"],
            &["Sở Thông tin và Truyền thông"],
        ),
    ];
    for (input, heading, lead, support) in rows {
        assert_eq!(
            duty(input, heading),
            (strs(lead), strs(support)),
            "\ninput: {input}"
        );
    }
}

#[test]
fn subjects() {
    let s = |x: &str| subject_agencies(x).map(|a| strs(&names(&a)));
    // After a department named by its field, a place or a qualifier goes on with the
    // subject; a field after a lower-case word ("cơ sở Văn hóa và Thể thao") names no
    // department.
    assert_eq!(
        s(
            "Sở Tài chính, Sở Kế hoạch và Đầu tư theo chức năng, nhiệm vụ được giao chủ trì, phối hợp với các sở thực hiện."
        ),
        Some(strs(&["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]))
    );
    // Prevention is no office: "phòng dịch" is the work directed, not a body.
    assert_eq!(
        s("Bộ Y tế chỉ đạo phòng dịch tại các điểm sơ tán."),
        Some(strs(&["Bộ Y tế"]))
    );
    assert_eq!(
        s("Sở Y tế tỉnh Ninh Bình hướng dẫn an toàn thực phẩm."),
        Some(strs(&["Sở Y tế tỉnh Ninh Bình"]))
    );
    assert_eq!(
        s("Chính phủ phê duyệt Quy hoạch mạng lưới cơ sở Văn hóa và Thể thao thời kỳ 2021-2030."),
        None
    );
    // Places after a place's body each name that body; "trực tiếp" opens the work.
    assert_eq!(
        s(
            "Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh, thành phố Hải Phòng và tỉnh Quảng Ninh trực tiếp hỗ trợ các địa phương."
        ),
        Some(strs(&[
            "Ủy ban nhân dân thành phố Hà Nội",
            "Ủy ban nhân dân thành phố Hồ Chí Minh",
            "Ủy ban nhân dân thành phố Hải Phòng",
            "Ủy ban nhân dân tỉnh Quảng Ninh"
        ]))
    );
    // A modal verb or the means ends the subject.
    assert_eq!(
        s(
            "Ủy ban nhân dân thành phố Hà Nội và Ủy ban nhân dân Thành phố Hồ Chí Minh cần tập trung một số nhiệm vụ quan trọng như sau"
        ),
        Some(strs(&[
            "Ủy ban nhân dân thành phố Hà Nội",
            "Ủy ban nhân dân Thành phố Hồ Chí Minh"
        ]))
    );
    assert_eq!(
        s(
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các Đoàn thể tỉnh bằng nhiều hình thức và phương pháp thích hợp, tổ chức tuyên truyền"
        ),
        Some(strs(&[
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "các Đoàn thể tỉnh"
        ]))
    );
    // "Chỉ đạo X …" names who does the work; asked to direct, the body directed does it;
    // a body asked by another ("A đề nghị B …") does what it is asked.
    assert_eq!(
        s("Chỉ đạo Sở Văn hóa, Thể thao và Du lịch chủ động tham mưu các giải pháp."),
        Some(strs(&["Sở Văn hóa, Thể thao và Du lịch"]))
    );
    assert_eq!(
        s("Đề nghị UBND tỉnh chỉ đạo Công an tỉnh tăng cường kỷ luật, kỷ cương."),
        Some(strs(&["Công an tỉnh"]))
    );
    assert_eq!(
        s("Chính phủ trân trọng đề nghị Ban Tuyên giáo và Dân vận Trung ương phối hợp thực hiện."),
        Some(strs(&["Ban Tuyên giáo và Dân vận Trung ương"]))
    );
    assert_eq!(
        asked_agencies(
            "Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh quan tâm chỉ đạo thực hiện"
        )
        .map(|a| strs(&names(&a))),
        Some(strs(&["Ủy ban nhân dân tỉnh"]))
    );
    assert_eq!(
        s("Các sở, ban ngành, địa phương khẩn trương xây dựng Kế hoạch triển khai."),
        Some(strs(&["Các sở, ban ngành, địa phương"]))
    );
    assert_eq!(
        s(
            "Căn cứ nội dung Kế hoạch này, các sở, ban ngành, địa phương xây dựng Kế hoạch thực hiện."
        ),
        Some(strs(&["các sở, ban ngành, địa phương"]))
    );
    assert_eq!(
        s(
            "Căn cứ nội dung Kế hoạch này các cơ quan, đơn vị, địa phương khẩn trương xây dựng Kế hoạch."
        ),
        Some(strs(&["các cơ quan, đơn vị, địa phương"]))
    );
    assert_eq!(
        s("Căn cứ chức năng, nhiệm vụ được giao, Sở Y tế và Bảo hiểm xã hội tỉnh triển khai."),
        Some(strs(&["Sở Y tế", "Bảo hiểm xã hội tỉnh"]))
    );
    assert_eq!(
        s("Công an tỉnh chủ trì, phối hợp với các đơn vị."),
        Some(strs(&["Công an tỉnh"]))
    );
    // "kịp thời", "phát hiện" end the subject; a board whose name holds "và".
    assert_eq!(
        s("Giao Công an thành phố kịp thời phát hiện và xử lý các vi phạm."),
        Some(strs(&["Công an thành phố"]))
    );
    assert_eq!(
        s("Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo các đơn vị."),
        // The agencies it directs are subjects too.
        Some(strs(&[
            "Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ",
            "các đơn vị"
        ]))
    );
    // A prefix after the fronted clause; verbs that end the subject.
    assert_eq!(
        s("Trên cơ sở kết quả thực hiện các chỉ tiêu, giao Sở Y tế thành lập đoàn kiểm tra."),
        Some(strs(&["Sở Y tế"]))
    );
    assert_eq!(
        s("Ủy ban nhân dân xã, phường huy động nguồn lực, tổ chức tuyên truyền."),
        Some(strs(&["Ủy ban nhân dân xã, phường"]))
    );
    assert_eq!(
        s("Hội đồng thi đua họp xét đánh giá các xã, phường."),
        Some(strs(&["Hội đồng thi đua"]))
    );
    // The place after a collective may be capitalised ("Thành phố" for the city);
    // "Sở, ban, ngành" without "các" is one collective too.
    assert_eq!(
        s("Sở Tư pháp và các sở, ban, ngành Thành phố chủ động tổ chức triển khai."),
        Some(strs(&["Sở Tư pháp", "các sở, ban, ngành Thành phố"]))
    );
    assert_eq!(
        s("Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm rà soát."),
        Some(strs(&["Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố"]))
    );

    assert_eq!(
        s("UBND các huyện, thị xã, thành phố có trách nhiệm bố trí kinh phí."),
        Some(strs(&["UBND các huyện, thị xã, thành phố"]))
    );
    assert_eq!(
        s("Sở Tư pháp là đầu mối theo dõi, tổng hợp kết quả thực hiện."),
        Some(strs(&["Sở Tư pháp"]))
    );
    // A field name's capitalised tail after a comma stays with it; a capitalised verb
    // there ends nothing and joins nothing.
    assert_eq!(
        s("Phòng Bưu chính, Viễn thông và Sở Y tế theo dõi."),
        Some(strs(&["Phòng Bưu chính, Viễn thông", "Sở Y tế"]))
    );
    assert_eq!(s("Sở Y tế, Triển khai thực hiện."), None);
    // Lists joined by ";" share the predicate; heads of bodies are assigned in person.
    assert_eq!(
        s(
            "Các sở, ban, ngành trực thuộc UBND tỉnh; UBND các huyện, thành phố tiếp tục tổ chức tuyên truyền."
        ),
        Some(strs(&[
            "Các sở, ban, ngành trực thuộc UBND tỉnh",
            "UBND các huyện, thành phố"
        ]))
    );
    assert_eq!(
        s(
            "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố có trách nhiệm: Lãnh đạo."
        ),
        Some(strs(&[
            "Thủ trưởng các sở, ban, ngành",
            "Chủ tịch UBND các huyện, thành phố"
        ]))
    );
    assert_eq!(
        s("Giám đốc Công an tỉnh chỉ đạo thực hiện."),
        Some(strs(&["Giám đốc Công an tỉnh"]))
    );
    // The agencies a subject directs are subjects too, before a verb or at the end.
    assert_eq!(
        s(
            "Bộ Tài chính chỉ đạo Sở Giao dịch chứng khoán Việt Nam và Tổng Công ty lưu ký và bù trừ chứng khoán Việt Nam."
        ),
        Some(strs(&[
            "Bộ Tài chính",
            "Sở Giao dịch chứng khoán Việt Nam",
            "Tổng Công ty lưu ký và bù trừ chứng khoán Việt Nam"
        ]))
    );
    assert_eq!(
        s("Sở Y tế chỉ đạo các cơ sở y tế trên địa bàn tăng cường kiểm tra."),
        Some(strs(&["Sở Y tế", "các cơ sở y tế trên địa bàn"]))
    );
    // What follows the verb is work, not an agency: the subject alone.
    assert_eq!(
        s("Ủy ban nhân dân cấp huyện chỉ đạo việc rà soát, thống kê."),
        Some(strs(&["Ủy ban nhân dân cấp huyện"]))
    );
    assert_eq!(
        s("Trưởng Ban Chỉ đạo phân công nhiệm vụ cho các thành viên."),
        Some(strs(&["Trưởng Ban Chỉ đạo"]))
    );
    assert_eq!(
        s(
            "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập Đề án."
        ),
        Some(strs(&["Sở Xây dựng"]))
    );
    assert_eq!(
        s(
            "Sau khi Ủy ban nhân dân Thành phố phê duyệt Đề án, Sở Tài chính lập thủ tục bố trí kinh phí."
        ),
        Some(strs(&["Sở Tài chính"]))
    );
    // A body named for its purpose: verbs right after "Ban Chỉ đạo", "Tổ Công tác" are
    // its name when an object and the sentence's own verb follow them.
    assert_eq!(
        s(
            "Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng tổ chức kiểm tra hiện trạng nhà ở."
        ),
        Some(strs(&[
            "Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng"
        ]))
    );
    assert_eq!(
        s("Tổ Công tác triển khai Đề án 06 tỉnh chủ trì, phối hợp với Sở Y tế thực hiện."),
        Some(strs(&["Tổ Công tác triển khai Đề án 06 tỉnh"]))
    );
    assert_eq!(
        s("Tổ công tác kiểm tra, đôn đốc việc thực hiện."),
        Some(strs(&["Tổ công tác"]))
    );
    assert_eq!(
        s("Cục Biến đổi khí hậu thiết lập Hệ thống đăng ký quốc gia."),
        Some(strs(&["Cục Biến đổi khí hậu"]))
    );
    assert_eq!(
        s("Các cơ quan, đơn vị có liên quan tập trung hoàn thiện dự thảo."),
        Some(strs(&["Các cơ quan, đơn vị có liên quan"]))
    );
    assert_eq!(
        s("Ủy ban nhân dân các tỉnh trong quá trình rà soát, đánh giá hiện trạng."),
        Some(strs(&["Ủy ban nhân dân các tỉnh"]))
    );
    assert_eq!(
        s("Ủy ban nhân dân xã, phường, thị trấn thành lập Ban Chỉ đạo."),
        Some(strs(&["Ủy ban nhân dân xã, phường, thị trấn"]))
    );
    assert_eq!(
        s("Các thôn, bản, tổ dân phố tuyên truyền đến người dân."),
        Some(strs(&["Các thôn, bản, tổ dân phố"]))
    );
    assert_eq!(
        s("Các huyện ủy, thành ủy, thị ủy xây dựng kế hoạch thực hiện."),
        Some(strs(&["Các huyện ủy, thành ủy, thị ủy"]))
    );
    assert_eq!(
        s("Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh ban hành cơ chế."),
        Some(strs(&["Ban cán sự đảng UBND tỉnh"]))
    );
    assert_eq!(
        s("Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo rà soát."),
        Some(strs(&["Đảng đoàn Hội đồng nhân dân tỉnh"]))
    );
    assert_eq!(
        s("Các cấp, ngành chủ động triển khai thực hiện."),
        Some(strs(&["Các cấp, ngành"]))
    );
    assert_eq!(
        s("Các cấp, các ngành tăng cường kiểm tra."),
        Some(strs(&["Các cấp, các ngành"]))
    );
    assert_eq!(
        s("UBND cấp xã, phường rà soát các điểm mỏ nhỏ lẻ."),
        Some(strs(&["UBND cấp xã, phường"]))
    );
    assert_eq!(
        s("Mặt trận Tổ quốc tỉnh nêu cao vai trò giám sát."),
        Some(strs(&["Mặt trận Tổ quốc tỉnh"]))
    );
    assert_eq!(s("Sở Y tế; Sở Tài chính."), None);
    assert!(name_holds_verb(
        "Sở Thông tin và Truyền thông đôn đốc, hướng dẫn các đơn vị"
    ));
    assert!(!name_holds_verb("Sở Xây dựng"));
    assert!(!name_holds_verb("các tổ chức, cá nhân"));
    assert_eq!(s("Các sở, ban, ngành; nâng cao nhận thức."), None);
    // A ministry's own units as a collective.
    assert_eq!(
        s("Các Vụ, Cục, Văn phòng Bộ, Thanh tra Bộ căn cứ nhiệm vụ được giao tổ chức thực hiện."),
        Some(strs(&["Các Vụ, Cục", "Văn phòng Bộ", "Thanh tra Bộ"]))
    );
    assert_eq!(s("Các vụ việc vi phạm được xử lý kịp thời."), None);
    // "Cấp" opens a level only before one ("Cấp huyện"); here it is the verb "supply".
    assert_eq!(
        s("Cấp Oresol cho trạm y tế xã, đảm bảo điều trị tiêu chảy đúng phác đồ."),
        None
    );
    assert_eq!(
        s("Cấp huyện chỉ đạo thực hiện."),
        Some(strs(&["Cấp huyện"]))
    );
    // The work ends the subject: "trình" (submit).
    assert_eq!(
        s("Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp ban hành chính sách."),
        Some(strs(&["Ủy ban nhân dân cấp tỉnh"]))
    );
    assert_eq!(
        s("Công an tỉnh là cơ quan thường trực, giúp Ủy ban nhân dân tỉnh theo dõi."),
        Some(strs(&["Công an tỉnh"]))
    );
    for negative in [
        "Tiếp tục rà soát, đánh giá các thủ tục hành chính.",
        "100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến.",
        "Tổ chức hội nghị sơ kết.",
        "Các sở, ban, ngành.",
        "Báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông.",
        "",
    ] {
        assert_eq!(s(negative), None, "input: {negative}");
    }
}

#[test]
fn never_panics_on_odd_input() {
    let long = "Sở Y tế, ".repeat(2000);
    for input in [
        "(((",
        ")))",
        "(Sở Y tế",
        "Sở Y tế)",
        "- - -",
        "và và và",
        ", , ,",
        "theo",
        "cấp xã",
        "chủ trì chủ trì phối hợp",
        "Phối hợp với (",
        "Chủ trì, phối hợp với",
        "…",
        "1.",
        "a)",
        "\u{301}\u{300}",
        "Sở  Y\u{0301} tế",
        long.as_str(),
        "Ủy ban nhân dân cấp huyện, cấp",
    ] {
        let _ = split_agencies(input);
        let _ = agency_heading(input);
        let _ = parse_inline_assignment(input);
        let _ = subject_agencies(input);
        let _ = duty_agencies(input, &[]);
        let _ = canonical(input);
    }
    assert_eq!(split_agencies(&long).len(), 2000);
}

/// Phrases match by word id: lexicon words get ids whatever their case or tone style,
/// other words none, and tokens without ids match nothing.
#[test]
fn phrases_match_by_word_id() {
    let toks = tokenize("Sở Tài chính CHỦ TRÌ, phối hợp xyzzy");
    assert!(toks[0].id.is_some());
    assert_eq!(LEXICON.lead_roles.match_at(&toks, 3), Some(2));
    assert_eq!(toks.last().and_then(|t| t.id), None);
    let unindexed = tokenize_unindexed("chủ trì");
    assert_eq!(LEXICON.lead_roles.match_at(&unindexed, 0), None);
    assert_eq!(
        LEXICON.lead_roles.match_at(&tokenize("chủ  trì"), 0),
        Some(2)
    );
    assert_eq!(LEXICON.lead_roles.match_at(&tokenize("chủ"), 0), None);
}

/// Lead fields that name both roles after the agencies.
#[test]
fn fields_naming_both_roles() {
    let split = |v: &str| split_roles(v).map(|(l, s)| (strs(&names(&l)), strs(&names(&s))));
    for (value, lead, support) in [
        (
            "Sở Tư pháp chủ trì; các sở, ngành phối hợp.",
            &["Sở Tư pháp"][..],
            &["các sở, ngành"][..],
        ),
        (
            "Sở Tư pháp chủ trì, các sở, ngành phối hợp thực hiện",
            &["Sở Tư pháp"],
            &["các sở, ngành"],
        ),
        ("Sở Y tế chủ trì", &["Sở Y tế"], &[]),
        // Roles in brackets after the agencies they name.
        (
            "Sở Khoa học và Công nghệ (chủ trì); Sở Nội vụ, Sở Tài chính (phối hợp).",
            &["Sở Khoa học và Công nghệ"],
            &["Sở Nội vụ", "Sở Tài chính"],
        ),
        // Only the lead marked: the others are its partners.
        (
            "Sở Tài chính (chủ trì), Sở Y tế, các sở, ngành liên quan",
            &["Sở Tài chính"],
            &["Sở Y tế", "các sở, ngành liên quan"],
        ),
        ("Sở Tài chính (chủ trì).", &["Sở Tài chính"], &[]),
        // The comma between the roles left out; an en dash inside a name.
        (
            "Ủy ban nhân dân các huyện, thành phố chủ trì phối hợp với Ban Quản lý Khu kinh tế tỉnh; Liên đoàn Lao động tỉnh.",
            &["Ủy ban nhân dân các huyện, thành phố"],
            &["Ban Quản lý Khu kinh tế tỉnh", "Liên đoàn Lao động tỉnh"],
        ),
        (
            "Sở Nội vụ chủ trì, phối hợp với Sở Lao động – Thương binh và Xã hội.",
            &["Sở Nội vụ"],
            &["Sở Lao động – Thương binh và Xã hội"],
        ),
        (
            "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ",
            &["Sở Tư pháp"],
            &["Sở Nội vụ"],
        ),
        (
            "Công an tỉnh phối hợp; Sở Tư pháp",
            &["Sở Tư pháp"],
            &["Công an tỉnh"],
        ),
        // "X phối hợp với Y" in a lead field: X leads, Y supports.
        (
            "Trung tâm Công nghệ thông tin và Truyền thông phối hợp với Công an tỉnh (Phòng An ninh mạng).",
            &["Trung tâm Công nghệ thông tin và Truyền thông"],
            &["Công an tỉnh"],
        ),
    ] {
        assert_eq!(split(value), Some((strs(lead), strs(support))), "{value}");
    }
    for value in [
        "Công an tỉnh",
        "Sở Tư pháp, Sở Nội vụ.",
        // The work before "phối hợp" is not a lead.
        "Tăng cường phối hợp với Công an tỉnh",
    ] {
        assert_eq!(split(value), None, "{value}");
    }
}

/// "Agency: work" lines: the agencies before the colon lead.
#[test]
fn agencies_before_a_colon() {
    let lead = |t: &str| colon_lead(t).map(|(a, at)| (strs(&names(&a)), t[at..].to_string()));
    assert_eq!(
        lead("Sở Thông tin và Truyền thông: Nâng cấp hệ thống quản lý văn bản."),
        Some((
            strs(&["Sở Thông tin và Truyền thông"]),
            "Nâng cấp hệ thống quản lý văn bản.".to_string()
        ))
    );
    assert_eq!(
        lead("UBND các huyện, thành phố: rà soát dữ liệu."),
        Some((
            strs(&["UBND các huyện, thành phố"]),
            "rà soát dữ liệu.".to_string()
        ))
    );
    // Three bodies' full names before the colon.
    assert_eq!(
        lead(
            "Cục Báo chí, Cục Phát thanh Truyền hình và Thông tin điện tử, Cục Thông tin cơ sở và Thông tin đối ngoại: Tham mưu Lãnh đạo Bộ chỉ đạo các cơ quan báo chí:"
        ),
        Some((
            strs(&[
                "Cục Báo chí",
                "Cục Phát thanh Truyền hình và Thông tin điện tử",
                "Cục Thông tin cơ sở và Thông tin đối ngoại"
            ]),
            "Tham mưu Lãnh đạo Bộ chỉ đạo các cơ quan báo chí:".to_string()
        ))
    );
    for t in [
        "Mục tiêu: nâng cao chất lượng.",
        "Sở Y tế:",
        "Lưu ý: Sở Y tế báo cáo.",
    ] {
        assert_eq!(lead(t), None, "{t}");
    }
}

/// Bodies named by what they do ("các cơ quan tham mưu, giúp việc"): the verb and the
/// pieces after the comma (`group_qualities`) are the group's name. A verb with work
/// after its comma still ends the list.
#[test]
fn groups_named_by_their_work() {
    for (text, name) in [
        (
            "Thủ trưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ",
            "Thủ trưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ",
        ),
        (
            "Các cơ quan tham mưu, giúp việc Tỉnh ủy",
            "Các cơ quan tham mưu, giúp việc Tỉnh ủy",
        ),
        (
            "Các cơ quan chuyên môn, quản lý nhà nước thuộc Bộ",
            "Các cơ quan chuyên môn, quản lý nhà nước thuộc Bộ",
        ),
    ] {
        assert_eq!(heading_rows(text), Some(want(&[(name, N, true)])), "{text}");
    }
    for text in [
        "Bộ Tư pháp, các bộ, cơ quan tham mưu, đề xuất",
        "Sở Tài chính, quản lý nhà nước về giá",
    ] {
        assert_eq!(heading_rows(text), None, "{text}");
    }
}

/// A heading that opens with a request names whom it asks; the central bodies of the
/// Front and the mass organisations are names.
#[test]
fn requests_name_whom_they_ask() {
    let asked = |t: &str| requested_agencies(t).map(|a| strs(&names(&a)));
    assert_eq!(
        asked("c) Đề nghị Trung ương Mặt trận Tổ quốc Việt Nam"),
        Some(strs(&["Trung ương Mặt trận Tổ quốc Việt Nam"]))
    );
    assert_eq!(
        asked("Đề nghị Liên minh Hợp tác xã tỉnh, Hội Nông dân tỉnh"),
        Some(strs(&["Liên minh Hợp tác xã tỉnh", "Hội Nông dân tỉnh"]))
    );
    for t in [
        "Đề nghị",
        "Tổ chức hội nghị",
        "Hội đồng nhân dân tỉnh đề nghị",
    ] {
        assert_eq!(asked(t), None, "{t}");
    }
}

/// Lines cut inside a known name or the country's name go on.
#[test]
fn names_cut_at_a_line_end() {
    for (prev, next) in [
        (
            "d) Đài Truyền hình Việt",
            "Nam, Đài Tiếng nói Việt Nam và các cơ quan",
        ),
        (
            "- Chỉ đạo Tổng Liên đoàn",
            "Lao động Việt Nam phát động phong trào",
        ),
        ("- Ngân hàng Nhà nước Việt", "Nam"),
        // A place's name after its unit word.
        (
            "d) Ủy ban nhân dân thành phố Hà",
            "Nội, thành phố Hồ Chí Minh",
        ),
        // A name cut before the country's.
        ("- Đề nghị Mặt trận Tổ quốc", "Việt Nam tại địa phương"),
    ] {
        assert!(continues_cut_name(prev, next), "{prev} / {next}");
    }
    for (prev, next) in [
        ("1. Sở Tài chính", "Chủ trì thẩm định."),
        ("c) bảo đảm an ninh", "Việt Nam có nhiều lợi thế."),
        ("Giữ gìn bản sắc dân tộc Việt", "Kiên quyết xử lý"),
    ] {
        assert!(!continues_cut_name(prev, next), "{prev} / {next}");
    }
}

/// Whether a text opens with work: a verb of `list_end_verbs` or a role.
#[test]
fn openings_with_work() {
    for t in [
        "Tham mưu Lãnh đạo Bộ",
        "Nghiên cứu, tham mưu Lãnh đạo Bộ",
        "Chủ trì, phối hợp với các đơn vị",
        "Triển khai thực hiện",
    ] {
        assert!(opens_with_work(t), "{t}");
    }
    for t in ["Các hệ thống sử dụng hạ tầng", "Sở Tài chính", "Năm 2026"] {
        assert!(!opens_with_work(t), "{t}");
    }
}

/// Investors and groups with a long qualifier after a collective, a comma inside a
/// compound ("khu, cụm công nghiệp"), a qualifier "trong và ngoài tỉnh", and "trong
/// việc" ending a list.
#[test]
fn investors_compounds_and_qualifiers() {
    check_split(
        "các Sở, ban ngành, chủ đầu tư kinh doanh hạ tầng kỹ thuật các khu, cụm công nghiệp trên địa bàn",
        &[
            ("các Sở, ban ngành", N, true),
            (
                "chủ đầu tư kinh doanh hạ tầng kỹ thuật các khu, cụm công nghiệp trên địa bàn",
                N,
                true,
            ),
        ],
    );
    // A short qualifier keeps a collective noun in the open collective.
    check_split(
        "các sở, ban, ngành, đơn vị có liên quan",
        &[("các sở, ban, ngành, đơn vị có liên quan", N, true)],
    );
    check_split(
        "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
        &[("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", N, true)],
    );
    // An abbreviated field continues a department's field name; other acronyms name
    // agencies.
    check_split(
        "Phòng Bưu chính, Viễn thông và CNTT; VNPT, Viettel",
        &[
            ("Phòng Bưu chính, Viễn thông và CNTT", N, false),
            ("VNPT", N, false),
            ("Viettel", N, false),
        ],
    );
    // Further in a list, any "các …" piece is a group of its own.
    check_split(
        "Bảo hiểm xã hội tỉnh, các cơ sở khám chữa bệnh, các nhà cung cấp dịch vụ viễn thông",
        &[
            ("Bảo hiểm xã hội tỉnh", N, false),
            ("các cơ sở khám chữa bệnh", N, true),
            ("các nhà cung cấp dịch vụ viễn thông", N, true),
        ],
    );
    check_split(
        "các Sở, ban ngành, nhà đầu tư thứ cấp",
        &[
            ("các Sở, ban ngành", N, true),
            ("nhà đầu tư thứ cấp", N, false),
        ],
    );
    // A head that holds a verb ("cung cấp") is no end of the list.
    check_split(
        "Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư",
        &[
            ("Doanh nghiệp", N, true),
            ("nhà cung cấp dịch vụ IoT", N, false),
            ("nhà đầu tư", N, false),
        ],
    );
    assert_eq!(
        subject_agencies("Nhà cung cấp dịch vụ viễn thông triển khai hạ tầng 5G.")
            .map(|a| strs(&names(&a))),
        Some(strs(&["Nhà cung cấp dịch vụ viễn thông"]))
    );
    // The same head after a whole field name: a comma left out. A unit of a body is
    // named by another head and stays one agency.
    check_split(
        "Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã",
        &[
            ("Sở Khoa học và Công nghệ", N, false),
            ("Sở Công Thương", N, false),
            ("UBND các phường, xã", N, true),
        ],
    );
    check_split(
        "Bộ Tài chính Bộ Nội vụ",
        &[("Bộ Tài chính", N, false), ("Bộ Nội vụ", N, false)],
    );
    check_split(
        "Phòng Kế hoạch Sở Y tế",
        &[("Phòng Kế hoạch Sở Y tế", N, false)],
    );
    check_split(
        "Liên hiệp các Hội Khoa học và Kỹ thuật",
        &[("Liên hiệp các Hội Khoa học và Kỹ thuật", N, false)],
    );
    // After "và", a head's field runs longer than after a comma, and may end with the
    // country's name.
    check_split(
        "Cục Biển và Hải đảo Việt Nam, Trung tâm Quy hoạch và Điều tra tài nguyên nước quốc gia",
        &[
            ("Cục Biển và Hải đảo Việt Nam", N, false),
            (
                "Trung tâm Quy hoạch và Điều tra tài nguyên nước quốc gia",
                N,
                false,
            ),
        ],
    );
    check_split(
        "- Tổng cục KTTV - Các Cục trực thuộc Bộ",
        &[
            ("Tổng cục KTTV", N, false),
            ("Các Cục trực thuộc Bộ", N, true),
        ],
    );
    // A head said once for the fields after it; a piece naming its own body keeps it.
    check_split(
        "Các Bộ: Công an, Văn hóa, Thể thao và Du lịch, Nông nghiệp và Phát triển nông thôn, Ngân hàng Nhà nước Việt Nam",
        &[
            ("Bộ Công an", N, false),
            ("Bộ Văn hóa, Thể thao và Du lịch", N, false),
            ("Bộ Nông nghiệp và Phát triển nông thôn", N, false),
            ("Ngân hàng Nhà nước Việt Nam", N, false),
        ],
    );
    assert_eq!(
        heading_rows("1. Các Sở: Tài chính, Xây dựng:"),
        Some(vec![
            ("Sở Tài chính".to_string(), None, false),
            ("Sở Xây dựng".to_string(), None, false),
        ])
    );
    // One broadcaster named with capitals is no collective.
    check_split(
        "Đài Phát thanh - Truyền hình Quảng Nam",
        &[("Đài Phát thanh - Truyền hình Quảng Nam", N, false)],
    );
    check_split(
        "- Phòng Tài chính - Kế hoạch",
        &[("Phòng Tài chính - Kế hoạch", N, false)],
    );
    check_split(
        "Liên đoàn Thương mại và Công nghiệp Việt Nam và các bộ, ngành",
        &[
            ("Liên đoàn Thương mại và Công nghiệp Việt Nam", N, false),
            ("các bộ, ngành", N, true),
        ],
    );
    let (lead, support) = duty(
        "Chủ trì, phối hợp với các sở, ngành và các cơ sở giáo dục nghề nghiệp trong và ngoài tỉnh tổ chức đào tạo.",
        &[make_agency("Sở Giáo dục và Đào tạo", None)],
    );
    assert_eq!(lead, strs(&["Sở Giáo dục và Đào tạo"]));
    assert_eq!(
        support,
        strs(&["các sở, ngành", "các cơ sở giáo dục nghề nghiệp"])
    );
    let (lead, _) = duty(
        "Phối hợp với Sở Xây dựng trong việc thẩm định dự án.",
        &[make_agency("Sở Nông nghiệp và Môi trường", None)],
    );
    assert_eq!(lead, strs(&["Sở Xây dựng"]));
}

/// Table cells in an agency column; an agency name cut before its field name.
#[test]
fn cells_that_open_with_agencies() {
    for (text, yes) in [
        (
            "Cục Lâm nghiệp và Kiểm lâm, Sở Nông nghiệp và Môi trường",
            true,
        ),
        ("Các cơ quan, đơn vị có liên quan", true),
        ("UBND cấp tỉnh; các cơ quan, đơn vị có liên quan", true),
        (
            "Các cơ sở nghiên cứu - phát triển, tổ chức hỗ trợ kỹ thuật và đơn vị có liên quan",
            true,
        ),
        ("Xây dựng kho dữ liệu dùng chung", false),
        ("Quý III/2026", false),
        ("Kế hoạch của UBND tỉnh", false),
    ] {
        assert_eq!(opens_with_agency(text), yes, "{text}");
    }
    assert!(ends_with_bare_head(
        "Viện Khoa học lâm nghiệp Việt Nam, Cục"
    ));
    assert!(!ends_with_bare_head("Cục Lâm nghiệp và Kiểm lâm"));
    assert!(!ends_with_bare_head(""));
}

/// "Các …" names agencies only when a kind of body or a name follows: "Các nhiệm vụ cần
/// làm ngay" counts work. Party committees' names are kept whole.
#[test]
fn quantified_work_is_no_agency() {
    assert!(agency_heading("Các nhiệm vụ cần làm ngay trong năm 2026").is_none());
    assert!(subject_agencies("Các nhiệm vụ thực hiện theo lộ trình đến năm 2030").is_none());
    assert_eq!(
        subject_agencies("Các thành viên Ban Chỉ đạo triển khai thực hiện.")
            .map(|a| strs(&names(&a))),
        Some(strs(&["Các thành viên Ban Chỉ đạo"]))
    );
    assert_eq!(
        agency_heading("Các sở, ban, ngành").map(|a| strs(&names(&a))),
        Some(strs(&["Các sở, ban, ngành"]))
    );
    check_split(
        "Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.",
        &[
            ("Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh", N, false),
            ("Đảng ủy Ủy ban nhân dân tỉnh", N, false),
            ("các cấp ủy, tổ chức đảng", N, true),
        ],
    );
}

#[test]
fn clause_joiners() {
    for (clause, rest) in [
        (
            "đồng thời, phối hợp chặt chẽ với Sở Tài chính",
            "phối hợp chặt chẽ với Sở Tài chính",
        ),
        (
            "Ngoài ra phối hợp với Công an tỉnh",
            "phối hợp với Công an tỉnh",
        ),
        ("phối hợp với Sở Y tế", "phối hợp với Sở Y tế"),
        ("đồng thời", ""),
    ] {
        assert_eq!(after_clause_joiner(clause), rest, "{clause}");
    }
}
