variable "key_arn" {
  type = string
}

variable "protect" {
  type = bool
}

resource "aws_kms_key" "tables" {
  description = "table key"
}

resource "aws_dynamodb_table" "customer" {
  name     = "customer"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
  deletion_protection_enabled = true
}

resource "aws_dynamodb_table" "aws_managed" {
  name = "aws-managed"
  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "owned" {
  name                        = "owned"
  deletion_protection_enabled = "false"
}

resource "aws_dynamodb_table" "undecided" {
  name = "undecided"
  server_side_encryption {
    enabled     = true
    kms_key_arn = var.key_arn
  }
  deletion_protection_enabled = var.protect
}

resource "aws_dynamodb_table" "global" {
  name = "global"
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
  deletion_protection_enabled = true
  replica {
    region_name = "eu-west-1"
    kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/0f3c5a9e-1111-2222-3333-444455556666"
  }
  replica {
    region_name                 = "ap-south-1"
    deletion_protection_enabled = true
  }
}
