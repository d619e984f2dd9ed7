CREATE TYPE "public"."conflict_reason" AS ENUM('target-missing', 'path-missing', 'value-changed', 'invalid-result');--> statement-breakpoint
CREATE TYPE "public"."conflict_resolution" AS ENUM('reapplied', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('queued', 'processing', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."flag_severity" AS ENUM('error', 'warning', 'info');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."page_extraction" AS ENUM('pdf-text', 'ocr');--> statement-breakpoint
CREATE TYPE "public"."page_status" AS ENUM('ok', 'low-confidence', 'unreadable');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('uploader', 'reviewer', 'admin');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correction_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"correction_id" uuid NOT NULL,
	"reason" "conflict_reason" NOT NULL,
	"expected" jsonb,
	"actual" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"resolution" "conflict_resolution"
);
--> statement-breakpoint
CREATE TABLE "corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"row_key" text,
	"section_key" text,
	"path" text NOT NULL,
	"version" integer NOT NULL,
	"base_value" jsonb,
	"old_value" jsonb,
	"new_value" jsonb,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"superseded_by" uuid,
	"undone_at" timestamp with time zone,
	"undone_by" text,
	CONSTRAINT "corrections_one_target" CHECK (("corrections"."row_key" is null) <> ("corrections"."section_key" is null))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"pages" integer,
	"status" "document_status" DEFAULT 'queued' NOT NULL,
	"error" text,
	"error_stage" text,
	"error_page" integer,
	"storage_key" text,
	"unit_kerja" text,
	"uploaded_by" uuid,
	"latest_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "extraction_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"extractor_version" text NOT NULL,
	"status" "run_status" DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"section_id" uuid,
	"row_id" uuid,
	"row_key" text,
	"code" text NOT NULL,
	"severity" "flag_severity" NOT NULL,
	"path" text,
	"message" text NOT NULL,
	"suggestion" text,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"note" text,
	"updated_by" text,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicator_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"row_key" text NOT NULL,
	"jabatan" text,
	"unit_kerja" text,
	"no" text,
	"sasaran" text,
	"indikator" text,
	"formulasi" text,
	"data" jsonb NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce("indicator_rows"."jabatan", '') || ' ' || coalesce("indicator_rows"."sasaran", '') || ' ' || coalesce("indicator_rows"."indikator", '') || ' ' || coalesce("indicator_rows"."formulasi", ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"page_no" integer NOT NULL,
	"extraction" "page_extraction" NOT NULL,
	"mean_confidence" real,
	"status" "page_status" DEFAULT 'ok' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"section_key" text NOT NULL,
	"title" text,
	"kind" text NOT NULL,
	"jabatan" text,
	"unit_kerja" text,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_conflicts" ADD CONSTRAINT "correction_conflicts_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_conflicts" ADD CONSTRAINT "correction_conflicts_run_id_extraction_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."extraction_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_conflicts" ADD CONSTRAINT "correction_conflicts_correction_id_corrections_id_fk" FOREIGN KEY ("correction_id") REFERENCES "public"."corrections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_superseded_by_corrections_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."corrections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_latest_run_id_extraction_runs_id_fk" FOREIGN KEY ("latest_run_id") REFERENCES "public"."extraction_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_runs" ADD CONSTRAINT "extraction_runs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_run_id_extraction_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."extraction_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_row_id_indicator_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."indicator_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rows" ADD CONSTRAINT "indicator_rows_run_id_extraction_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."extraction_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rows" ADD CONSTRAINT "indicator_rows_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pages" ADD CONSTRAINT "pages_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_run_id_extraction_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."extraction_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "correction_conflicts_document_idx" ON "correction_conflicts" USING btree ("document_id","run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_field_version_uq" ON "corrections" USING btree ("document_id",coalesce("row_key", ''),coalesce("section_key", ''),"path","version");--> statement-breakpoint
CREATE INDEX "corrections_row_key_idx" ON "corrections" USING btree ("row_key");--> statement-breakpoint
CREATE INDEX "documents_status_idx" ON "documents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "documents_unit_kerja_idx" ON "documents" USING btree (lower("unit_kerja"));--> statement-breakpoint
CREATE INDEX "documents_created_idx" ON "documents" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "extraction_runs_document_version_uq" ON "extraction_runs" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "flags_run_idx" ON "flags" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "flags_code_idx" ON "flags" USING btree ("code","status");--> statement-breakpoint
CREATE INDEX "flags_status_idx" ON "flags" USING btree ("status");--> statement-breakpoint
CREATE INDEX "flags_row_idx" ON "flags" USING btree ("row_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_rows_run_key_uq" ON "indicator_rows" USING btree ("run_id","row_key");--> statement-breakpoint
CREATE INDEX "indicator_rows_section_idx" ON "indicator_rows" USING btree ("section_id","index");--> statement-breakpoint
CREATE INDEX "indicator_rows_key_idx" ON "indicator_rows" USING btree ("row_key");--> statement-breakpoint
CREATE INDEX "indicator_rows_jabatan_idx" ON "indicator_rows" USING btree (lower("jabatan"));--> statement-breakpoint
CREATE INDEX "indicator_rows_unit_kerja_idx" ON "indicator_rows" USING btree (lower("unit_kerja"));--> statement-breakpoint
CREATE INDEX "indicator_rows_search_idx" ON "indicator_rows" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "pages_document_page_uq" ON "pages" USING btree ("document_id","page_no");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_run_index_uq" ON "sections" USING btree ("run_id","index");--> statement-breakpoint
CREATE INDEX "sections_jabatan_idx" ON "sections" USING btree (lower("jabatan"));--> statement-breakpoint
CREATE INDEX "sections_unit_kerja_idx" ON "sections" USING btree (lower("unit_kerja"));--> statement-breakpoint
CREATE INDEX "sections_key_idx" ON "sections" USING btree ("section_key");