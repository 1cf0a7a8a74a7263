# The older form: settings in blocks inside the bucket.
resource "aws_s3_bucket" "inline" {
  bucket              = "legacy"
  object_lock_enabled = true
  versioning {
    enabled    = true
    mfa_delete = false
  }
  lifecycle_rule {
    id      = "archive"
    enabled = true
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
}

resource "aws_s3_bucket" "inline_lock" {
  bucket = "legacy-lock"
  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
  lifecycle_rule {
    id      = "off"
    enabled = false
  }
}

resource "aws_s3_bucket" "unnamed" {
}
