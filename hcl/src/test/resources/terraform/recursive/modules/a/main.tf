resource "aws_s3_bucket" "a" {}

module "b" {
  source = "../b"
}
