//! Documents in team mode, under each teammate's own login: PostgreSQL itself lets a manager
//! read a deal's documents only with the deal and a company's as the whole team reads the
//! client base, and attach or delete only on her own records, whatever program she writes with.
//! Each refusal is paired with what the same login may do.

use crate::team::{changed, connect, count, refused, team, url_of};
use voronka_core::ErrorCode;
use voronka_core::RandomIds;
use voronka_core::model::*;
use voronka_store::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_attaches_only_to_what_she_may_edit_under_row_level_security() {
    let Some(t) = team().await else { return };
    let ctx = &t.ctx;
    let (olena, petro) = (ctx.olena.meta.id, ctx.petro.meta.id);
    let store = &ctx.store;
    let file = |of, name: &str| AttachmentInput {
        of,
        name: name.into(),
        content: b"%PDF-1.4 kept bytes".to_vec(),
    };
    let petro_deal = DocumentOf::Deal(t.petro_deal.meta.id);
    let petro_company = DocumentOf::Company(t.petro_company.meta.id);
    let his_deal_doc = store
        .attach_document(petro, &file(petro_deal, "Його угода.pdf"))
        .await
        .unwrap();
    let his_company_doc = store
        .attach_document(petro, &file(petro_company, "Його реквізити.pdf"))
        .await
        .unwrap();

    // Through the store under her login: his deal is not even shown to her, and his company,
    // which she reads, is not hers to attach to.
    let as_olena = Store::open_with(
        &url_of(ctx, &t.olena_login),
        ctx.clock.clone(),
        std::sync::Arc::new(RandomIds::new()),
    )
    .await
    .unwrap();
    let err = as_olena
        .attach_document(olena, &file(petro_deal, "Моє.pdf"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Invalid, Some("deal_id")),
        "{}",
        err.message
    );
    let err = as_olena
        .attach_document(olena, &file(petro_company, "Моє.pdf"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("client_base"))
    );
    let mine = as_olena
        .attach_document(olena, &file(DocumentOf::Deal(t.olena_deal.meta.id), "Мій договір.pdf"))
        .await
        .expect("her own deal takes her file under row-level security");
    assert!(
        as_olena.kept_file(olena, his_company_doc.meta.id).await.is_ok(),
        "the client base's file"
    );
    let err = as_olena.kept_file(olena, his_deal_doc.meta.id).await.unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "his deal's file is not even shown: {}",
        err.message
    );
    as_olena.close().await;

    // In plain SQL as her login.
    let mut sql = connect(ctx, &t.olena_login).await;
    let seen = |id: voronka_core::Id| format!("SELECT COUNT(*) FROM documents WHERE id = '{id}'");
    assert_eq!(
        count(&mut sql, &seen(his_deal_doc.meta.id)).await,
        0,
        "not his deal's document"
    );
    assert_eq!(
        count(&mut sql, &seen(his_company_doc.meta.id)).await,
        1,
        "his company's document"
    );
    let bytes = |id: voronka_core::Id| format!("SELECT COUNT(*) FROM document_files WHERE document_id = '{id}'");
    assert_eq!(count(&mut sql, &bytes(his_deal_doc.meta.id)).await, 0);
    assert_eq!(count(&mut sql, &bytes(his_company_doc.meta.id)).await, 1);

    let forged = |id: &str, deal: Option<voronka_core::Id>, company: Option<voronka_core::Id>| {
        let column = |v: Option<voronka_core::Id>| v.map_or("NULL".to_string(), |id| format!("'{id}'"));
        format!(
            "INSERT INTO documents (id, created_at, updated_at, version, deal_id, company_id, name, path, size_bytes,
                 author_id)
             VALUES ('{id}', 0, 0, 1, {}, {}, 'x.pdf', 'x.pdf', 1, '{olena}')",
            column(deal),
            column(company)
        )
    };
    refused(&mut sql, &forged("on-his-deal", Some(t.petro_deal.meta.id), None)).await;
    refused(&mut sql, &forged("on-his-company", None, Some(t.petro_company.meta.id))).await;
    let own_company = ctx.company("Олена Друга", "+380501110009").await;
    assert_eq!(
        changed(&mut sql, &forged("on-her-company", None, Some(own_company.meta.id))).await,
        1,
        "her own company takes a document"
    );
    refused(&mut sql, &file_of(&his_company_doc.meta.id.to_string())).await;
    assert_eq!(
        changed(&mut sql, &file_of("on-her-company")).await,
        1,
        "her own document takes its file"
    );

    let delete = |id: voronka_core::Id| format!("UPDATE documents SET deleted_at = 1 WHERE id = '{id}'");
    assert_eq!(
        changed(&mut sql, &delete(his_company_doc.meta.id)).await,
        0,
        "his to delete, not hers"
    );
    assert_eq!(changed(&mut sql, &delete(his_deal_doc.meta.id)).await, 0);
    assert_eq!(changed(&mut sql, &delete(mine.meta.id)).await, 1, "her own");
    refused(&mut sql, "DELETE FROM document_files").await;

    let mut head = connect(ctx, &t.head_login).await;
    assert_eq!(
        changed(&mut head, &delete(his_deal_doc.meta.id)).await,
        1,
        "the head deletes anyone's"
    );
}

/// A kept file of `document`, as a direct write would add it.
fn file_of(document: &str) -> String {
    format!(
        "INSERT INTO document_files (document_id, deal_id, kind, media_type, content)
         VALUES ('{document}', NULL, 'attachment', 'application/pdf', '\\x00')"
    )
}
