variable "name" {
  type = string
}

module "inner" {
  source = "./inner"
  name   = "${var.name}-db"
}

output "arn" {
  value = module.inner.arn
}
