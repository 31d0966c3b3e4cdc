//! Pagination shared by every list: a page asks for `limit` rows after `offset`; the answer says
//! whether more follow, found by fetching one row beyond the page rather than counting all.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Page {
    pub offset: u32,
    pub limit: u32,
}

impl Page {
    pub const MAX_LIMIT: u32 = 500;

    pub fn first(limit: u32) -> Page {
        Page { offset: 0, limit }
    }

    pub fn next(self) -> Page {
        Page {
            offset: self.offset + self.limit() as u32,
            limit: self.limit,
        }
    }

    /// The limit, held to 1..=500 so no caller can ask for a whole table.
    pub fn limit(self) -> i64 {
        self.limit.clamp(1, Self::MAX_LIMIT) as i64
    }

    pub fn offset(self) -> i64 {
        self.offset as i64
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::first(50)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// Whether rows follow this page.
    pub more: bool,
    pub offset: u32,
}

impl<T> Paged<T> {
    pub fn empty() -> Paged<T> {
        Paged {
            items: Vec::new(),
            more: false,
            offset: 0,
        }
    }

    /// Builds a page from up to `limit + 1` fetched rows.
    pub(crate) fn from_rows(mut rows: Vec<T>, page: Page) -> Paged<T> {
        let limit = page.limit() as usize;
        let more = rows.len() > limit;
        rows.truncate(limit);
        Paged {
            items: rows,
            more,
            offset: page.offset,
        }
    }
}
