variable "vault_key" {
  type = string
}

variable "deny_actions" {
  type = list(string)
}

variable "retention" {
  type = number
}

resource "aws_kms_key" "backup" {
  description = "backup vault key"
}

resource "aws_backup_vault" "protected" {
  name        = "protected-vault"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault_policy" "protected" {
  backup_vault_name = aws_backup_vault.protected.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"]
      Resource  = "*"
    }]
  })
}

resource "aws_backup_vault" "plain" {
  name = "plain-vault"
}

resource "aws_backup_vault" "conditional" {
  name        = "conditional"
  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/aws/backup"
}

resource "aws_backup_vault_policy" "conditional" {
  backup_vault_name = "conditional"
  policy            = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Deny",
        "Principal": {"AWS": "*"},
        "Action": ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"],
        "Resource": "*",
        "Condition": {"StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/break-glass"}}
      }]
    }
  EOT
}

resource "aws_backup_vault" "undecided" {
  name        = "undecided"
  kms_key_arn = var.vault_key
}

resource "aws_backup_vault_policy" "undecided" {
  backup_vault_name = aws_backup_vault.undecided.name
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Principal = "*", Action = var.deny_actions, Resource = "*" }]
  })
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.protected.name
    schedule          = "cron(0 5 ? * * *)"
    lifecycle {
      cold_storage_after = 30
      delete_after       = 365
    }
  }
}

resource "aws_backup_plan" "forever" {
  name = "forever"
  rule {
    rule_name         = "weekly"
    target_vault_name = aws_backup_vault.plain.name
    lifecycle {
      delete_after = 35
    }
  }
  rule {
    rule_name         = "monthly"
    target_vault_name = aws_backup_vault.plain.name
  }
}

resource "aws_backup_plan" "undecided" {
  name = "undecided"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.plain.name
    lifecycle {
      cold_storage_after = 30
      delete_after       = var.retention
    }
  }
}
