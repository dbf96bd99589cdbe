package cli

import ucli "github.com/urfave/cli/v3"

// configureCompletion adjusts the completion command urfave/cli builds
// (apigw-oas completion bash|zsh|fish|pwsh): it is listed in the help,
// PowerShell is also spelled out, and a shell it does not know is a usage
// error rather than its help on standard output.
func configureCompletion(completion *ucli.Command) {
	completion.Hidden = false
	completion.Usage = "print a shell completion script: bash, zsh, fish or pwsh (alias powershell)"
	completion.Description = "completion prints a script that makes the shell complete apigw-oas's commands and flags\n" +
		"(and file names where a command takes files). Load it from the shell's start-up file:\n\n" +
		"   bash (needs the bash-completion package):  source <(apigw-oas completion bash)   in ~/.bashrc\n" +
		"   zsh:   source <(apigw-oas completion zsh)   in ~/.zshrc, after compinit\n" +
		"   fish:  apigw-oas completion fish > ~/.config/fish/completions/apigw-oas.fish\n" +
		"   PowerShell: apigw-oas completion pwsh > apigw-oas.ps1, then . ./apigw-oas.ps1 in $PROFILE\n" +
		"               (the script takes the command's name from its own file name)"
	completion.Action = unknownCommand
	for _, shell := range completion.Commands {
		if shell.Name == "pwsh" {
			shell.Aliases = append(shell.Aliases, "powershell")
		}
	}
	onUsageError(completion)
}
