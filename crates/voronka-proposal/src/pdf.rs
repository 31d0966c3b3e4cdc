//! The layout on A4 pages: placed first as a list of drawing operations per page (so a table
//! that runs over a page goes on under its header on the next), then drawn with krilla.

use crate::failed;
use crate::layout::{Block, Cell, Layout};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::image::Image;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use voronka_core::Result;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 42.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
const BOTTOM: f32 = PAGE_H - MARGIN;
const TEXT: (u8, u8, u8) = (33, 37, 41);
const DIM: (u8, u8, u8) = (100, 106, 115);
const RULE: (u8, u8, u8) = (206, 212, 218);
const SHADE: (u8, u8, u8) = (236, 240, 244);

#[derive(Debug)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (u8, u8, u8),
    },
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// The advances of one font's glyphs, to align and wrap text before it is drawn.
struct Metrics<'a> {
    font: skrifa::FontRef<'a>,
}

impl<'a> Metrics<'a> {
    fn of(data: &'a [u8]) -> Result<Metrics<'a>> {
        let font = skrifa::FontRef::new(data).map_err(|e| failed("font", e))?;
        Ok(Metrics { font })
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let charmap = self.font.charmap();
        let metrics = self.font.glyph_metrics(
            skrifa::instance::Size::new(size),
            skrifa::instance::LocationRef::default(),
        );
        text.chars()
            .map(|c| {
                let glyph = charmap.map(c).unwrap_or_default();
                metrics.advance_width(glyph).unwrap_or(size * 0.5)
            })
            .sum()
    }

    /// `text` broken into lines no wider than `width`, at spaces where it can be.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
            // A word wider than the column is cut where it overflows.
            while self.width(&line, size) > width && line.chars().count() > 1 {
                let mut head = String::new();
                for c in line.chars() {
                    if self.width(&format!("{head}{c}"), size) > width && !head.is_empty() {
                        break;
                    }
                    head.push(c);
                }
                let rest = line[head.len()..].to_string();
                lines.push(head);
                line = rest;
            }
        }
        lines.push(line);
        lines
    }
}

/// Places the layout's parts page by page.
struct Placer<'m> {
    regular: &'m Metrics<'m>,
    bold: &'m Metrics<'m>,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Placer<'_> {
    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page is always open")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Room for `height` more on this page, or a new page.
    fn room(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM {
            self.new_page();
            return false;
        }
        true
    }

    fn text(&mut self, x: f32, size: f32, bold: bool, color: (u8, u8, u8), text: &str) {
        let y = self.y + size;
        self.ops().push(Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text: text.to_string(),
        });
    }

    fn metrics(&self, bold: bool) -> &Metrics<'_> {
        if bold { self.bold } else { self.regular }
    }

    /// A paragraph wrapped to `width` at `x`, moving down as it goes.
    fn paragraph(&mut self, x: f32, width: f32, size: f32, bold: bool, color: (u8, u8, u8), text: &str) {
        for line in self.metrics(bold).wrap(text, size, width) {
            self.room(size * 1.35);
            self.text(x, size, bold, color, &line);
            self.y += size * 1.35;
        }
    }

    fn rect(&mut self, x: f32, w: f32, h: f32, color: (u8, u8, u8)) {
        let y = self.y;
        self.ops().push(Op::Rect { x, y, w, h, color });
    }

    fn header(&mut self, layout: &Layout, logo: Option<(f32, f32)>) {
        let text_width = WIDTH - logo.map(|(w, _)| w + 12.0).unwrap_or(0.0);
        if let Some((w, h)) = logo {
            let (x, y) = (PAGE_W - MARGIN - w, self.y);
            self.ops().push(Op::Logo { x, y, w, h });
        }
        let top = self.y;
        if let Some((name, requisites)) = layout.seller.split_first() {
            self.paragraph(MARGIN, text_width, 14.0, true, TEXT, name);
            self.y += 2.0;
            for line in requisites {
                self.paragraph(MARGIN, text_width, 8.5, false, DIM, line);
            }
        }
        self.y = self.y.max(top + logo.map(|(_, h)| h).unwrap_or(0.0)) + 14.0;
        self.rect(MARGIN, WIDTH, 0.8, RULE);
        self.y += 16.0;
        self.paragraph(MARGIN, WIDTH, 16.0, true, TEXT, &layout.title);
        self.y += 2.0;
        self.paragraph(MARGIN, WIDTH, 10.0, false, DIM, &layout.subtitle);
        self.y += 12.0;
    }

    /// The client, contact and manager side by side.
    fn blocks(&mut self, blocks: &[Block]) {
        if blocks.is_empty() {
            return;
        }
        let gap = 14.0;
        let width = (WIDTH - gap * (blocks.len() as f32 - 1.0)) / blocks.len() as f32;
        let top = self.y;
        let height = blocks
            .iter()
            .map(|b| self.block_height(b, width))
            .fold(0.0_f32, f32::max);
        self.room(height);
        let top = if self.y < top { self.y } else { top };
        let mut bottom = top;
        for (i, block) in blocks.iter().enumerate() {
            self.y = top;
            let x = MARGIN + i as f32 * (width + gap);
            self.paragraph(x, width, 8.5, true, DIM, &block.heading.to_uppercase());
            self.y += 2.0;
            for (n, line) in block.lines.iter().enumerate() {
                self.paragraph(x, width, if n == 0 { 10.0 } else { 9.0 }, n == 0, TEXT, line);
            }
            bottom = bottom.max(self.y);
        }
        self.y = bottom + 16.0;
    }

    fn block_height(&self, block: &Block, width: f32) -> f32 {
        let lines: usize = block.lines.iter().map(|l| self.regular.wrap(l, 9.0, width).len()).sum();
        8.5 * 1.35 + 2.0 + lines as f32 * 10.0 * 1.35
    }

    fn table(&mut self, layout: &Layout) {
        let xs: Vec<(f32, f32)> = layout
            .columns
            .iter()
            .scan(MARGIN, |x, c| {
                let w = c.width * WIDTH;
                let at = *x;
                *x += w;
                Some((at, w))
            })
            .collect();
        let header: Vec<Cell> = layout
            .columns
            .iter()
            .map(|c| Cell {
                text: c.label.clone(),
                value: None,
            })
            .collect();
        self.row(layout, &xs, &header, true);
        for row in &layout.rows {
            let height = self.row_height(&xs, row, false);
            if !self.room(height) {
                self.row(layout, &xs, &header, true);
            }
            self.row(layout, &xs, row, false);
        }
        self.y += 8.0;
    }

    fn row_height(&self, xs: &[(f32, f32)], cells: &[Cell], bold: bool) -> f32 {
        let size = if bold { 8.0 } else { 9.0 };
        let lines = cells
            .iter()
            .zip(xs)
            .map(|(c, (_, w))| self.metrics(bold).wrap(&c.text, size, w - 8.0).len())
            .max()
            .unwrap_or(1);
        lines as f32 * size * 1.35 + 8.0
    }

    fn row(&mut self, layout: &Layout, xs: &[(f32, f32)], cells: &[Cell], header: bool) {
        let size = if header { 8.0 } else { 9.0 };
        let height = self.row_height(xs, cells, header);
        self.room(height);
        if header {
            self.rect(MARGIN, WIDTH, height, SHADE);
        }
        let top = self.y;
        for ((cell, (x, w)), column) in cells.iter().zip(xs).zip(&layout.columns) {
            self.y = top + 4.0;
            let lines = self.metrics(header).wrap(&cell.text, size, w - 8.0);
            for line in lines {
                let at = if column.right {
                    x + w - 4.0 - self.metrics(header).width(&line, size)
                } else {
                    x + 4.0
                };
                self.text(at, size, header, if header { DIM } else { TEXT }, &line);
                self.y += size * 1.35;
            }
        }
        self.y = top + height;
        self.rect(MARGIN, WIDTH, 0.5, RULE);
    }

    fn totals(&mut self, totals: &[(String, Cell)]) {
        let value_right = MARGIN + WIDTH - 4.0;
        let label_right = MARGIN + WIDTH * 0.74;
        for (i, (label, cell)) in totals.iter().enumerate() {
            let last = i + 1 == totals.len();
            let size = if last { 12.0 } else { 10.0 };
            self.room(size * 1.6);
            let label_x = label_right - self.metrics(last).width(label, size);
            self.text(label_x, size, last, if last { TEXT } else { DIM }, label);
            let value_x = value_right - self.metrics(last).width(&cell.text, size);
            self.text(value_x, size, last, TEXT, &cell.text);
            self.y += size * 1.6;
        }
        self.y += 12.0;
    }
}

/// The proposal as a PDF: A4, DejaVu Sans embedded as a subset.
pub fn write(layout: &Layout) -> Result<Vec<u8>> {
    let (regular, bold) = (Metrics::of(REGULAR)?, Metrics::of(BOLD)?);
    let logo = match &layout.logo {
        Some((bytes, png)) => {
            let data: krilla::Data = bytes.clone().into();
            let image = if *png {
                Image::from_png(data, true)
            } else {
                Image::from_jpeg(data, true)
            }
            .map_err(|e| failed("logo", e))?;
            let (w, h) = image.size();
            // At most 150 × 60 points, in proportion.
            let scale = (150.0 / w as f32).min(60.0 / h as f32);
            Some((image, (w as f32 * scale, h as f32 * scale)))
        }
        None => None,
    };
    let mut placer = Placer {
        regular: &regular,
        bold: &bold,
        pages: vec![Vec::new()],
        y: MARGIN,
    };
    placer.header(layout, logo.as_ref().map(|(_, size)| *size));
    placer.blocks(&layout.blocks);
    placer.table(layout);
    placer.totals(&layout.totals);
    if let Some(terms) = &layout.terms {
        placer.paragraph(MARGIN, WIDTH, 9.0, true, DIM, &terms.heading.to_uppercase());
        placer.y += 2.0;
        for line in &terms.lines {
            placer.paragraph(MARGIN, WIDTH, 9.5, false, TEXT, line);
        }
        placer.y += 8.0;
    }
    placer.paragraph(MARGIN, WIDTH, 9.5, true, TEXT, &layout.valid_until);
    draw(placer.pages, logo.map(|(image, _)| image))
}

fn draw(pages: Vec<Vec<Op>>, logo: Option<Image>) -> Result<Vec<u8>> {
    let font = |bytes: &'static [u8]| Font::new(bytes.to_vec().into(), 0).ok_or_else(|| failed("font", "unreadable"));
    let (regular, bold) = (font(REGULAR)?, font(BOLD)?);
    let mut document = Document::new();
    for ops in pages {
        let mut page = document.start_page();
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(color)));
                    let font = if is_bold { bold.clone() } else { regular.clone() };
                    surface.draw_text(Point::from_xy(x, y), font, size, &text, false, TextDirection::Auto);
                }
                Op::Rect { x, y, w, h, color } => {
                    let mut path = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
                        path.push_rect(rect);
                    }
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(fill(color)));
                        surface.draw_path(&path);
                    }
                }
                Op::Logo { x, y, w, h } => {
                    if let (Some(image), Some(size)) = (&logo, Size::from_wh(w, h)) {
                        surface.push_transform(&krilla::geom::Transform::from_translate(x, y));
                        surface.draw_image(image.clone(), size);
                        surface.pop();
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| failed("PDF", format!("{e:?}")))
}

fn fill((r, g, b): (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Default::default()
    }
}
