//! A saved HTML page → the title, date line and article paragraphs, as plain text.
//!
//! Paragraphs come from `<p>` and `<br>` (and other blocks); entities are decoded;
//! a paragraph printed wholly in `<strong>` is flagged, because Chinese pages
//! print the questions that way.

use super::tags::{Token, attr, scan};
use super::{Para, Problem, entities, header};

/// Class or id fragments of the article container, most specific first.
const BODY_HINTS: &[&str] = &[
    "news_body_txt",
    "trs_editor",
    "article-content",
    "article_content",
    "articlecontent",
    "content_text",
    "contenttext",
    "news_content",
    "newscontent",
    "detail_content",
    "news_con",
    "article-body",
    "articlebody",
    "post-content",
    "entry-content",
    "main-text",
];

/// Whole class or id words that name an article container on simpler sites.
const BODY_WORDS: &[&str] = &["content", "article", "txt", "text", "main", "detail"];

/// Tags that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "section",
    "article",
    "blockquote",
    "center",
    "dd",
    "dt",
    "dl",
    "hr",
    "header",
    "footer",
    "nav",
    "form",
    "main",
];

/// Elements that never have content or a closing tag.
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "source",
];

/// Extracts the article of a page, with its title and date line in front.
pub(super) fn extract(html: &str) -> Result<Vec<Para>, Problem> {
    let tokens = scan(html);
    let Some((start, end)) = body_region(&tokens) else {
        return Err(Problem::at_line(
            1,
            "the HTML page has no article body (no content block or <p> paragraphs): save the transcript page itself",
        ));
    };
    let body = paragraphs(&tokens[start..end]);
    if body.is_empty() {
        return Err(Problem::at_line(
            line_of(&tokens, start),
            "the HTML page's article body is empty: save the page once it has loaded",
        ));
    }
    let mut out = head_lines(&tokens, start, end);
    out.extend(body);
    Ok(out)
}

fn line_of(tokens: &[Token<'_>], i: usize) -> usize {
    match tokens.get(i) {
        Some(Token::Open { line, .. } | Token::Close { line, .. } | Token::Text { line, .. }) => {
            *line
        }
        None => 1,
    }
}

fn names(attrs: &str) -> String {
    let mut s = attr(attrs, "id").unwrap_or_default();
    s.push(' ');
    s.push_str(&attr(attrs, "class").unwrap_or_default());
    s.to_ascii_lowercase()
}

/// Token range inside the article container.
fn body_region(tokens: &[Token<'_>]) -> Option<(usize, usize)> {
    let opens: Vec<(usize, &str, String)> = tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match t {
            Token::Open { name, attrs, .. } => Some((i, name.as_str(), names(attrs))),
            _ => None,
        })
        .collect();
    let pick = BODY_HINTS
        .iter()
        .find_map(|h| opens.iter().find(|(_, _, n)| n.contains(h)))
        .or_else(|| opens.iter().find(|(_, tag, _)| *tag == "article"))
        .or_else(|| {
            BODY_WORDS.iter().find_map(|w| {
                opens.iter().find(|(_, _, n)| {
                    n.split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|x| x == *w)
                })
            })
        });
    if let Some((i, tag, _)) = pick {
        return Some((i + 1, close_of(tokens, *i, tag)));
    }
    let ps = opens.iter().filter(|(_, tag, _)| *tag == "p").count();
    let body = opens
        .iter()
        .find(|(_, tag, _)| *tag == "body")
        .map_or(0, |(i, _, _)| *i);
    (ps >= 2).then_some((body, tokens.len()))
}

/// Index of the tag closing the element opened at `i` (or the end of the page).
fn close_of(tokens: &[Token<'_>], i: usize, tag: &str) -> usize {
    if VOID.contains(&tag) {
        return i + 1;
    }
    let mut depth = 0usize;
    for (j, t) in tokens.iter().enumerate().skip(i) {
        match t {
            Token::Open { name, .. } if name == tag => depth += 1,
            Token::Close { name, .. } if name == tag => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// Paragraphs of a token range, split at block tags.
fn paragraphs(tokens: &[Token<'_>]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut raw = String::new();
    let (mut line, mut strong_depth, mut strong_chars, mut all_chars) = (0, 0usize, 0usize, 0usize);
    let mut flush = |raw: &mut String, line: usize, strong: usize, all: usize| {
        let text = entities::decode(raw.trim());
        raw.clear();
        if !text.trim().is_empty() {
            out.push(Para {
                text,
                line,
                strong: all > 0 && strong * 10 >= all * 8,
            });
        }
    };
    for t in tokens {
        match t {
            Token::Text { text, line: l } => {
                if raw.is_empty() {
                    line = *l;
                }
                let visible = text.chars().filter(|c| !c.is_whitespace()).count();
                all_chars += visible;
                if strong_depth > 0 {
                    strong_chars += visible;
                }
                collapse_into(&mut raw, text);
            }
            Token::Open { name, .. } | Token::Close { name, .. }
                if BLOCKS.contains(&name.as_str()) =>
            {
                flush(&mut raw, line, strong_chars, all_chars);
                (strong_chars, all_chars) = (0, 0);
            }
            Token::Open { name, .. } if name == "strong" || name == "b" => strong_depth += 1,
            Token::Close { name, .. } if name == "strong" || name == "b" => {
                strong_depth = strong_depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    flush(&mut raw, line, strong_chars, all_chars);
    out
}

/// Appends text with HTML's collapsible whitespace folded to one space (NBSP kept).
fn collapse_into(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// The title and date line found outside the article, as the text pipeline expects them.
fn head_lines(tokens: &[Token<'_>], start: usize, end: usize) -> Vec<Para> {
    let mut titles = Vec::new();
    let mut dates = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if (start..end).contains(&i) {
            continue;
        }
        let Token::Open { name, attrs, line } = t else {
            continue;
        };
        let n = names(attrs);
        let is_title = n.contains("title") || matches!(name.as_str(), "h1" | "h2" | "h3" | "title");
        let is_date = n.contains("time") || n.contains("date");
        if !(is_title || is_date) {
            continue;
        }
        let stop = close_of(tokens, i, name).min(if i < start { start } else { tokens.len() });
        let text = paragraphs(&tokens[i + 1..stop])
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>()
            .join(" ");
        let para = Para {
            text,
            line: *line,
            strong: false,
        };
        if is_title && header::title_like(&para.text) {
            titles.push((name == "title", para));
        } else if is_date && super::dates::find(&para.text).is_some() {
            dates.push(para);
        }
    }
    // The <title> element usually repeats the headline with the site name: prefer the headline.
    titles.sort_by_key(|(from_title_tag, _)| *from_title_tag);
    titles
        .into_iter()
        .map(|(_, p)| p)
        .take(1)
        .chain(dates.into_iter().take(1))
        .collect()
}
