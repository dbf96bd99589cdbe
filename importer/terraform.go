package importer

// importTerraform reads a Terraform file.
func importTerraform(name string, data []byte, folder string, opts Options) *Result {
	return &Result{File: name}
}
