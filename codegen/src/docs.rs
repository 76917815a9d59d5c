//! Spec descriptions (AWS writes HTML) to rustdoc Markdown.
//!
//! Handles the tags AWS documentation uses (`p`, `code`, `a`, `b`, `i`, lists, `note`,
//! `important`, definition lists) and escapes what rustdoc would misread: `[x]` as an
//! intra-doc link, bare URLs, `<word>` as HTML, indented lines as code blocks. Tags it does
//! not know are kept as text (`<binary data>` is prose, not markup). Paragraphs are wrapped
//! at 100 columns without ever starting a line with something Markdown reads as a list item
//! or heading.

const WIDTH: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq)]
enum ListKind {
    Bullet,
    Ordered(usize),
}

struct Builder {
    /// Finished blocks: (indent, first-line prefix, text).
    blocks: Vec<Block>,
    /// Text of the block being built.
    cur: String,
    lists: Vec<ListKind>,
    /// Prefix for the first line of the current block (`- `, `1. `).
    marker: String,
    /// Inline elements open: (tag, start offset in `cur`).
    inline: Vec<(String, usize)>,
    /// Inside `<code>`/`<pre>`: raw text, no escaping.
    code: Option<String>,
    /// Inside `<a href>`: (href, start offset in `cur`).
    link: Option<(Option<String>, usize)>,
}

struct Block {
    indent: usize,
    marker: String,
    text: String,
}

impl Builder {
    fn new() -> Self {
        Builder {
            blocks: Vec::new(),
            cur: String::new(),
            lists: Vec::new(),
            marker: String::new(),
            inline: Vec::new(),
            code: None,
            link: None,
        }
    }

    fn indent(&self) -> usize {
        self.lists
            .iter()
            .map(|k| match k {
                ListKind::Bullet => 2,
                ListKind::Ordered(_) => 3,
            })
            .sum()
    }

    /// Ends the current block.
    fn flush(&mut self) {
        let text = collapse(&self.cur);
        if !text.is_empty() {
            let marker = std::mem::take(&mut self.marker);
            let indent = if marker.is_empty() {
                self.indent()
            } else {
                self.indent() - marker.len()
            };
            self.blocks.push(Block {
                indent,
                marker,
                text,
            });
        }
        self.cur.clear();
        self.inline.clear();
    }

    fn text(&mut self, raw: &str) {
        let decoded = decode_entities(raw);
        if let Some(code) = &mut self.code {
            code.push_str(&decoded);
        } else {
            escape_into(&mut self.cur, &decoded);
        }
    }

    fn open(&mut self, tag: &str, attrs: &str) {
        match tag {
            "p" | "div" | "dd" | "para" => self.flush(),
            "br" => self.cur.push('\n'),
            "ul" => {
                self.flush();
                self.lists.push(ListKind::Bullet);
            }
            "ol" => {
                self.flush();
                self.lists.push(ListKind::Ordered(0));
            }
            "li" => {
                self.flush();
                self.marker = match self.lists.last_mut() {
                    Some(ListKind::Ordered(n)) => {
                        *n += 1;
                        format!("{n}. ")
                    }
                    _ => "- ".to_owned(),
                };
                if self.lists.is_empty() {
                    self.lists.push(ListKind::Bullet);
                }
            }
            "note" => {
                self.flush();
                self.cur.push_str("**Note:** ");
            }
            "important" => {
                self.flush();
                self.cur.push_str("**Important:** ");
            }
            "dt" => {
                self.flush();
                self.inline.push(("b".into(), self.cur.len()));
            }
            "code" | "pre" | "tt" | "samp" | "kbd" if self.code.is_none() => {
                self.code = Some(String::new());
            }
            "a" if self.code.is_none() => {
                self.link = Some((attr(attrs, "href"), self.cur.len()));
            }
            "b" | "strong" | "i" | "em" | "u" if self.code.is_none() => {
                self.inline.push((tag.to_owned(), self.cur.len()));
            }
            _ => {}
        }
    }

    fn close(&mut self, tag: &str) {
        match tag {
            "p" | "div" | "dd" | "para" | "note" | "important" => self.flush(),
            "li" => self.flush(),
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
            }
            "dt" => {
                self.close_inline("b");
                self.flush();
            }
            "code" | "pre" | "tt" | "samp" | "kbd" => {
                if let Some(code) = self.code.take() {
                    let code = collapse(&code);
                    if !code.is_empty() {
                        self.cur.push_str(&code_span(&code));
                    }
                }
            }
            "a" => {
                if let Some((href, start)) = self.link.take() {
                    let label = self.cur[start..].trim().to_owned();
                    self.cur.truncate(start);
                    match href.filter(|h| h.starts_with("http://") || h.starts_with("https://")) {
                        Some(h) if label.is_empty() => {
                            self.cur.push('<');
                            self.cur.push_str(&h);
                            self.cur.push('>');
                        }
                        Some(h) => {
                            self.cur.push('[');
                            self.cur.push_str(&label);
                            self.cur.push_str("](");
                            self.cur.push_str(
                                &h.replace(' ', "%20")
                                    .replace('(', "%28")
                                    .replace(')', "%29"),
                            );
                            self.cur.push(')');
                        }
                        None => self.cur.push_str(&label),
                    }
                }
            }
            "b" | "strong" => self.close_inline("b"),
            "i" | "em" | "u" => self.close_inline("i"),
            _ => {}
        }
    }

    fn close_inline(&mut self, kind: &str) {
        let Some(pos) = self.inline.iter().rposition(|(t, _)| match kind {
            "b" => t == "b" || t == "strong",
            _ => t == "i" || t == "em" || t == "u",
        }) else {
            return;
        };
        let (_, start) = self.inline.remove(pos);
        if start > self.cur.len() {
            return;
        }
        let inner = self.cur[start..].to_owned();
        let trimmed = inner.trim();
        if trimmed.is_empty() || trimmed.contains('*') {
            return;
        }
        let marker = if kind == "b" { "**" } else { "*" };
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        let wrapped = format!(
            "{}{marker}{trimmed}{marker}{}",
            &inner[..lead],
            &inner[inner.len() - trail..]
        );
        self.cur.truncate(start);
        self.cur.push_str(&wrapped);
    }

    fn finish(mut self) -> String {
        if let Some(code) = self.code.take() {
            let code = collapse(&code);
            if !code.is_empty() {
                self.cur.push_str(&code_span(&code));
            }
        }
        self.flush();
        let mut out = String::new();
        let mut prev_in_list = false;
        for b in &self.blocks {
            let in_list = !b.marker.is_empty() || b.indent > 0;
            if !out.is_empty() {
                // Keep list items of one list together; separate everything else.
                out.push_str(if in_list && prev_in_list && !b.marker.is_empty() {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            wrap_block(&mut out, b);
            prev_in_list = in_list;
        }
        out
    }
}

/// Converts an HTML description to Markdown.
pub fn html_to_markdown(html: &str) -> String {
    let mut b = Builder::new();
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            None => {
                b.text(rest);
                break;
            }
            Some(i) => {
                b.text(&rest[..i]);
                rest = &rest[i..];
                match parse_tag(rest) {
                    Some((closing, name, attrs, len)) if is_known(&name) => {
                        let self_closing = rest[..len].ends_with("/>");
                        if closing {
                            b.close(&name);
                        } else {
                            b.open(&name, attrs);
                            if self_closing {
                                b.close(&name);
                            }
                        }
                        rest = &rest[len..];
                    }
                    _ => {
                        b.text("<");
                        rest = &rest[1..];
                    }
                }
            }
        }
    }
    b.finish()
}

fn is_known(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "br"
            | "div"
            | "span"
            | "code"
            | "pre"
            | "tt"
            | "samp"
            | "kbd"
            | "a"
            | "b"
            | "strong"
            | "i"
            | "em"
            | "u"
            | "ul"
            | "ol"
            | "li"
            | "note"
            | "important"
            | "dl"
            | "dt"
            | "dd"
            | "fullname"
            | "para"
            | "sup"
            | "sub"
    )
}

/// Parses `<tag attrs>` / `</tag>` at the start of `s`: (closing, lower-case name, attrs,
/// length).
fn parse_tag(s: &str) -> Option<(bool, String, &str, usize)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    if name_len == 0 || inner.contains('<') {
        return None;
    }
    let name = inner[..name_len].to_ascii_lowercase();
    let attrs = inner[name_len..].trim_end_matches('/');
    if !attrs.is_empty() && !attrs.starts_with(char::is_whitespace) {
        return None;
    }
    Some((closing, name, attrs, end + 1))
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!("{name}=");
    let i = attrs.find(&key)? + key.len();
    let rest = &attrs[i..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let end = rest[1..].find(quote)?;
        Some(decode_entities(rest[1..1 + end].trim()))
    } else {
        Some(rest.split_whitespace().next()?.to_owned())
    }
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest.find(';').filter(|&j| j <= 10);
        let decoded = semi.and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes prose for Markdown; bare URLs become autolinks. Code spans the text already
/// writes in backticks (as Markdown-minded authors of descriptions do) stay code spans,
/// with nothing inside escaped or linked.
fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let run = rest[open..].chars().take_while(|&c| c == '`').count();
        let fence = &rest[open..open + run];
        let after = &rest[open + run..];
        // The closing run must be exactly as long (CommonMark code spans).
        let close = after.match_indices(fence).find(|&(i, _)| {
            !after[i + run..].starts_with('`') && (i == 0 || !after[..i].ends_with('`'))
        });
        match close {
            Some((i, _)) if !after[..i].trim().is_empty() => {
                escape_prose(out, &rest[..open]);
                out.push_str(&code_span(after[..i].trim_matches(' ')));
                rest = &after[i + run..];
            }
            _ => {
                // A lone backtick is a literal one.
                escape_prose(out, &rest[..open + run]);
                rest = after;
            }
        }
    }
    escape_prose(out, rest);
}

/// [`escape_into`] for text without code spans.
fn escape_prose(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let url_at = ["https://", "http://"]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        let (plain, url) = match url_at {
            Some(i) => {
                let tail = &rest[i..];
                let mut end = tail
                    .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
                    .unwrap_or(tail.len());
                while end > 0 && tail[..end].ends_with(['.', ',', ')', ';', ':', '\'']) {
                    end -= 1;
                }
                (&rest[..i], Some(&tail[..end]))
            }
            None => (rest, None),
        };
        let chars: Vec<char> = plain.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '\\' | '`' | '*' | '[' | ']' => {
                    out.push('\\');
                    out.push(c);
                }
                // Inside a word `_` is literal in CommonMark; only flanking ones need escaping.
                '_' if !(i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())) =>
                {
                    out.push_str("\\_");
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                c => out.push(c),
            }
        }
        match url {
            Some(u) if u.len() > "https://".len() => {
                out.push('<');
                out.push_str(u);
                out.push('>');
                rest = &rest[plain.len() + u.len()..];
            }
            Some(u) => {
                out.push_str(u);
                rest = &rest[plain.len() + u.len()..];
                if u.is_empty() {
                    break;
                }
            }
            None => break,
        }
    }
}

/// A code span fenced with more backticks than the content holds.
pub fn code_span(code: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in code.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// Collapses HTML whitespace to single spaces (keeping explicit `<br>` newlines).
fn collapse(s: &str) -> String {
    s.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether a line starting with `word` would be read as a block construct.
fn starts_block(word: &str) -> bool {
    matches!(word, "-" | "+" | "*" | ">" | "=" | "==" | "---")
        || word.starts_with('#')
        || word.starts_with('>')
        || word.starts_with("- ")
        || {
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && matches!(word.as_bytes().get(digits), Some(b'.') | Some(b')'))
        }
}

fn wrap_block(out: &mut String, block: &Block) {
    let indent = " ".repeat(block.indent);
    let cont_indent = " ".repeat(block.indent + block.marker.len());
    for (li, line) in block.text.split('\n').enumerate() {
        let mut first = true;
        let mut width = 0;
        let prefix_first = if li == 0 {
            format!("{indent}{}", block.marker)
        } else {
            cont_indent.clone()
        };
        if li > 0 {
            out.push('\n');
        }
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if first {
                out.push_str(&prefix_first);
                // Text that itself starts like a block construct is escaped.
                if starts_block(word) {
                    out.push('\\');
                }
                out.push_str(word);
                width = prefix_first.len() + word.len();
                first = false;
            } else if width + 1 + word.len() > WIDTH && !starts_block(word) {
                out.push('\n');
                out.push_str(&cont_indent);
                out.push_str(word);
                width = cont_indent.len() + word.len();
            } else {
                out.push(' ');
                out.push_str(word);
                width += 1 + word.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_code_and_links() {
        let md = html_to_markdown(
            "<p>Adds <code>custom:</code> attributes.</p> <p>See <a href=\"https://docs.aws.amazon.com/x.html\">the guide</a>.</p>",
        );
        assert_eq!(
            md,
            "Adds `custom:` attributes.\n\nSee [the guide](https://docs.aws.amazon.com/x.html)."
        );
    }

    #[test]
    fn lists_and_notes() {
        let md = html_to_markdown(
            "<p>Modes:</p> <ul> <li> <p> <b>SMS</b> - text</p> </li> <li> <p>EMAIL</p> </li> </ul> <note> <p>Careful.</p> </note>",
        );
        assert_eq!(
            md,
            "Modes:\n\n- **SMS** - text\n- EMAIL\n\n**Note:**\n\nCareful."
        );
    }

    #[test]
    fn escapes_what_rustdoc_misreads() {
        let md = html_to_markdown("Value [1-5] in <binary data> or see https://example.com/a.");
        assert_eq!(
            md,
            "Value \\[1-5\\] in &lt;binary data&gt; or see <https://example.com/a>."
        );
        assert_eq!(html_to_markdown("- leading dash"), "\\- leading dash");
        assert_eq!(
            html_to_markdown("a &amp; b &lt;c&gt;"),
            "a &amp; b &lt;c&gt;"
        );
    }

    #[test]
    fn backquoted_code_and_urls_stay_code() {
        assert_eq!(
            html_to_markdown("Use the `https://api.example.com/v1` base URL."),
            "Use the `https://api.example.com/v1` base URL."
        );
        assert_eq!(
            html_to_markdown("<p>Set `a_b*` or ``x`y``, not `this.</p>"),
            "Set `a_b*` or ``x`y``, not \\`this."
        );
    }

    #[test]
    fn code_spans_with_backticks() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(html_to_markdown("<code>[a]*</code>"), "`[a]*`");
    }

    #[test]
    fn wraps_without_starting_a_list() {
        let words = "word ".repeat(30) + "- dash 1. one";
        let md = html_to_markdown(&words);
        for line in md.lines() {
            assert!(line.len() <= WIDTH, "{line}");
            assert!(!starts_block(line.split(' ').next().unwrap()), "{line}");
        }
    }
}
