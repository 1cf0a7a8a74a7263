# A versioning resource whose bucket cannot be decided may configure any bucket here.
variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_versioning" "somewhere" {
  bucket = var.bucket_name
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}
