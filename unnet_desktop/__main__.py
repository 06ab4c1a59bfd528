from unnet_desktop.cli.main import run

run()
