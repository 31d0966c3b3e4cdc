//! Documents attached to deals and companies: kept in the database with their bytes, listed
//! without them, read and deleted under the rights of their record, on its timeline; refused
//! files (empty, over the limit, on a colleague's record) write nothing.

use crate::harness::{Ctx, refused};
use base64::Engine;
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id};
use voronka_store::{Page, TimelineOf};

/// A few kilobytes of every byte value, as a scan or a PDF holds them.
fn bytes(seed: u8) -> Vec<u8> {
    (0..4096u32)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

fn attachment(of: DocumentOf, name: &str, content: Vec<u8>) -> AttachmentInput {
    AttachmentInput {
        of,
        name: name.into(),
        content,
    }
}

async fn timeline_documents(ctx: &Ctx, of: TimelineOf) -> Vec<(Option<String>, Option<Id>)> {
    let page = ctx.store.timeline(of, Page::first(20)).await.unwrap();
    page.items
        .into_iter()
        .filter(|a| a.data.kind == ActivityKind::Document)
        .map(|a| (a.data.body, a.data.details.document_id))
        .collect()
}

pub async fn documents_are_attached_listed_read_and_deleted(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let (company, _, deal) = ctx.client_of(olena, "ТОВ Дах", "0671234567").await;
    let on_deal = DocumentOf::Deal(deal.meta.id);
    let on_company = DocumentOf::Company(company.meta.id);

    let contract = s
        .attach_document(olena, &attachment(on_deal, "/home/olena/Договір №17.pdf", bytes(1)))
        .await
        .unwrap();
    assert_eq!(contract.data.name.as_str(), "Договір №17.pdf");
    assert_eq!(contract.data.size_bytes, Some(4096));
    assert_eq!(contract.author_id, Some(olena), "who attached it");
    ctx.clock.advance(chrono::Duration::minutes(5));
    let price = s
        .attach_document(olena, &attachment(on_company, "C:\\Ціни\\прайс.xlsx", bytes(2)))
        .await
        .unwrap();
    assert_eq!(price.data.of(), Some(on_company));

    let listed = s.documents_of(olena, on_deal).await.unwrap();
    assert_eq!(listed.len(), 1, "the deal's own document only");
    assert_eq!(
        (
            listed[0].document.meta.id,
            listed[0].kind.as_deref(),
            listed[0].media_type.as_deref()
        ),
        (contract.meta.id, Some("attachment"), Some("application/pdf"))
    );
    let listed = s.documents_of(olena, on_company).await.unwrap();
    assert_eq!(
        listed.iter().map(|d| d.document.meta.id).collect::<Vec<_>>(),
        [price.meta.id],
        "the company's own document only"
    );

    // The same bytes back, to the owner and to a teammate reading the client base.
    let file = s.kept_file(olena, contract.meta.id).await.unwrap();
    assert_eq!((file.name.as_str(), file.content), ("Договір №17.pdf", bytes(1)));
    let file = s.kept_file(ctx.petro.meta.id, price.meta.id).await.unwrap();
    assert_eq!(
        (file.media_type.as_str(), file.content),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            bytes(2)
        ),
        "the client base's documents are read by the whole team"
    );

    // On the timelines: the deal's document on the deal's and its company's, the company's on
    // the company's only; each names its document.
    let on_deal_timeline = timeline_documents(&ctx, TimelineOf::Deal(deal.meta.id)).await;
    assert_eq!(
        on_deal_timeline,
        [(Some("Договір №17.pdf".into()), Some(contract.meta.id))]
    );
    let on_company_timeline = timeline_documents(&ctx, TimelineOf::Company(company.meta.id)).await;
    assert_eq!(
        on_company_timeline,
        [
            (Some("прайс.xlsx".into()), Some(price.meta.id)),
            (Some("Договір №17.pdf".into()), Some(contract.meta.id)),
        ],
        "newest first"
    );
    let history = s.audit_history(contract.meta.id, Page::first(5)).await.unwrap();
    assert_eq!(history.items.len(), 1, "attached with its audit entry");

    // The export carries the bytes as base64 text.
    let export = ctx.export().await;
    let files = export["document_files"].as_array().unwrap();
    let kept = files
        .iter()
        .find(|f| f["document_id"] == contract.meta.id.to_string())
        .unwrap();
    assert_eq!(
        kept["content"].as_str(),
        Some(base64::engine::general_purpose::STANDARD.encode(bytes(1)).as_str())
    );
    assert_eq!(
        (kept["kind"].as_str(), &kept["deal_id"]),
        (Some("attachment"), &serde_json::json!(deal.meta.id))
    );

    // Deleted at the version read: a stale one is a conflict; then it leaves the list.
    refused(
        s.delete::<Document>(olena, contract.meta.id, contract.meta.version + 1)
            .await,
        ErrorCode::Conflict,
        "version",
    );
    s.delete::<Document>(olena, contract.meta.id, contract.meta.version)
        .await
        .unwrap();
    assert!(
        s.documents_of(olena, on_deal).await.unwrap().is_empty(),
        "deleted, not listed"
    );
    refused(
        s.kept_file(olena, contract.meta.id).await,
        ErrorCode::NotFound,
        "document_id",
    );
    // The head deletes anyone's.
    s.delete::<Document>(ctx.head.meta.id, price.meta.id, price.meta.version)
        .await
        .unwrap();
    assert!(s.documents_of(olena, on_company).await.unwrap().is_empty());
}

pub async fn a_refused_document_writes_nothing(ctx: Ctx) {
    let s = &ctx.store;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let (company, _, deal) = ctx.client_of(olena, "ТОВ Дах", "0671234567").await;
    let on_deal = DocumentOf::Deal(deal.meta.id);
    let kept = s
        .attach_document(olena, &attachment(on_deal, "Договір.pdf", bytes(1)))
        .await
        .unwrap();
    let before = ctx.export().await;

    let too_big = vec![7u8; DOCUMENT_MAX_BYTES as usize + 1];
    let err = s
        .attach_document(olena, &attachment(on_deal, "відео.mp4", too_big))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::FileTooLarge, Some("file"))
    );
    assert!(err.message.contains("25 MB"), "the limit is named: {}", err.message);
    refused(
        s.attach_document(olena, &attachment(on_deal, "порожній.pdf", vec![]))
            .await,
        ErrorCode::FileEmpty,
        "file",
    );
    refused(
        s.attach_document(olena, &attachment(on_deal, " ", bytes(3))).await,
        ErrorCode::Invalid,
        "name",
    );

    // Petro may not edit Olena's deal or company, so he attaches to neither, reads nothing of
    // her deal and deletes nothing of hers.
    refused(
        s.attach_document(petro, &attachment(on_deal, "Моє.pdf", bytes(4)))
            .await,
        ErrorCode::Forbidden,
        "deal",
    );
    let on_company = DocumentOf::Company(company.meta.id);
    refused(
        s.attach_document(petro, &attachment(on_company, "Моє.pdf", bytes(4)))
            .await,
        ErrorCode::Forbidden,
        "client_base",
    );
    refused(s.kept_file(petro, kept.meta.id).await, ErrorCode::Forbidden, "deal");
    refused(s.documents_of(petro, on_deal).await, ErrorCode::Forbidden, "deal");
    refused(
        s.delete::<Document>(petro, kept.meta.id, kept.meta.version).await,
        ErrorCode::Forbidden,
        "deal",
    );
    refused(
        s.attach_document(
            olena,
            &attachment(DocumentOf::Deal(Id(uuid::Uuid::from_u128(42))), "x.pdf", bytes(5)),
        )
        .await,
        ErrorCode::Invalid,
        "deal_id",
    );
    assert_eq!(ctx.export().await, before, "no refusal wrote anything");

    // A company's card, its documents among it, is the whole team's to read; an unknown deal
    // is named on its id.
    assert!(s.documents_of(petro, on_company).await.is_ok());
    refused(
        s.documents_of(olena, DocumentOf::Deal(Id(uuid::Uuid::from_u128(42))))
            .await,
        ErrorCode::Invalid,
        "deal_id",
    );

    // Her own company is hers to attach to.
    s.attach_document(olena, &attachment(on_company, "Реквізити.pdf", bytes(6)))
        .await
        .unwrap();
}
