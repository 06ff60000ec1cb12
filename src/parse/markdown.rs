//! Markdown residue of copies kept in notes apps, forums and chat: `**Bloomberg:** …`,
//! `__A:__ …`, `**Q : Quelle…?**`, `## Title`, `> quoted`. The emphasis a writer put on a
//! label is not part of the label.

/// A line without its Markdown: heading and quote marks in front, the emphasis around a label
/// at its start (`**AFP:** x` and `**AFP**: x` → `AFP: x`); `true` when the whole line was
/// emphasised (how copies print questions in bold, as Chinese pages do).
pub(super) fn unmark(line: &str) -> (String, bool) {
    let mut t = line.trim();
    // `## Title`, `> text`: block marks (a `#` glued to a word is a hashtag, left alone).
    let hashes = t.len() - t.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        t = t[hashes..].trim_start();
    }
    while let Some(rest) = t.strip_prefix('>') {
        t = rest.trim_start();
    }
    for mark in ["**", "__", "*", "_"] {
        let Some(body) = t.strip_prefix(mark) else {
            continue;
        };
        // `* Reuters: …` is a bullet and `**` alone a separator: emphasis hugs its words.
        if body.starts_with(char::is_whitespace) || body.is_empty() {
            break;
        }
        let Some(close) = body.find(mark) else {
            break;
        };
        let inner = body[..close].trim_end();
        let after = &body[close + mark.len()..];
        if after.trim().is_empty() {
            return (inner.to_string(), true);
        }
        // Only emphasis that ends at or just behind a label's colon (`**AFP:**`, `**AFP**:`).
        let label_inside = inner.ends_with([':', '：']);
        let label_outside = after.trim_start().starts_with([':', '：']);
        if (label_inside || label_outside) && inner.chars().count() <= 80 {
            let joiner = if label_inside && after.starts_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
            return (format!("{inner}{joiner}{}", after.trim_start()), false);
        }
        break;
    }
    (t.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::unmark;

    #[test]
    fn emphasis_around_labels_goes() {
        for (line, want, strong) in [
            ("**Bloomberg:** Will it?", "Bloomberg: Will it?", false),
            ("**Bloomberg**: Will it?", "Bloomberg: Will it?", false),
            ("__A:__ We have noted it.", "A: We have noted it.", false),
            (
                "*Q :* Quelle est votre réaction ?",
                "Q : Quelle est votre réaction ?",
                false,
            ),
            ("**问：**中方有何评论？", "问：中方有何评论？", false),
            ("**中方对此有何评论？**", "中方对此有何评论？", true),
            (
                "## Foreign Ministry Spokesperson's Regular Press Conference",
                "Foreign Ministry Spokesperson's Regular Press Conference",
                false,
            ),
            ("> AFP: A question?", "AFP: A question?", false),
        ] {
            assert_eq!(unmark(line), (want.to_string(), strong), "{line}");
        }
    }

    #[test]
    fn other_stars_and_underscores_stay() {
        for line in [
            "* Reuters: a bullet",
            "***",
            "**Important** news today: none.",
            "#hashtag: text",
            "snake_case: text",
        ] {
            assert_eq!(unmark(line), (line.to_string(), false), "{line}");
        }
    }
}
