# The AWS provider (4 and later): settings in resources of their own that name their bucket.
variable "logs_bucket" {
  type = string
}

resource "aws_s3_bucket" "by_id" {
  bucket = "orders-archive"
  tags = {
    team = "orders"
  }
}

resource "aws_s3_bucket_versioning" "by_id" {
  bucket = aws_s3_bucket.by_id.id
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "by_id" {
  bucket = aws_s3_bucket.by_id.id
  rule {
    id     = "archive"
    status = "Enabled"
    filter {}
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
}

resource "aws_s3_bucket_object_lock_configuration" "by_id" {
  bucket = aws_s3_bucket.by_id.id
}

resource "aws_s3_bucket" "by_name" {
  bucket = "invoices"
}

resource "aws_s3_bucket_versioning" "by_name" {
  bucket = aws_s3_bucket.by_name.bucket
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "by_name" {
  bucket = "invoices"
  rule {
    id     = "paused"
    status = "Disabled"
    filter {}
    expiration {
      days = 30
    }
  }
}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "reports-${count.index}"
}

resource "aws_s3_bucket_versioning" "counted" {
  count  = 2
  bucket = aws_s3_bucket.counted[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "each" {
  for_each = toset(["eu", "us"])
  bucket   = "media-${each.key}"
}

resource "aws_s3_bucket_versioning" "each" {
  for_each = toset(["eu"])
  bucket   = aws_s3_bucket.each[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "plain" {
}
