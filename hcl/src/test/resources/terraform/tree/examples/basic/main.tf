module "table" {
  source = "../../"
  name   = "example"
}

output "module_path" {
  value = module.table.where
}
