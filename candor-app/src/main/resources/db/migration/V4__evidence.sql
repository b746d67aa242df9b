-- Evidence files on after-sales cases. The bytes live in the blob store under their SHA-256: originals
-- in the restricted area evidence-originals, the copies without metadata served to merchants in
-- evidence-copies. One case holds the same bytes once.

create table evidence (
    id                 uuid primary key,
    case_id            uuid        not null references cases (id),
    uploader_id        text        not null,
    uploader_kind      text        not null,
    kind               text        not null check (kind in ('PHOTO', 'VIDEO', 'CHAT_EXPORT')),
    file_type          text        not null,
    media_type         text        not null,
    size_bytes         bigint      not null check (size_bytes > 0),
    sha256             char(64)    not null,
    width              integer check (width > 0),
    height             integer check (height > 0),
    original_file_name text,
    description        text,
    uploaded_at        timestamptz not null,
    copy_file_type     text        not null,
    copy_sha256        char(64)    not null,
    copy_size_bytes    bigint      not null,
    constraint evidence_once_per_case unique (case_id, sha256),
    constraint photo_has_dimensions check ((kind = 'PHOTO') = (width is not null and height is not null))
);

create index evidence_case on evidence (case_id, uploaded_at, id);
