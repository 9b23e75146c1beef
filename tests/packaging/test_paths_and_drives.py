"""App folders (NGHEO_HOME, portable mode) and the drive check that guards the live database."""

from __future__ import annotations

from ngheo_desktop import drives, paths

MOUNTINFO = """\
22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
30 22 8:17 / /media/usb\\040stick rw,nosuid - vfat /dev/sdb1 rw
31 22 0:50 / /mnt/share rw - cifs //server/share rw
32 22 0:25 / /tmp rw - tmpfs tmpfs rw
"""


def _sysfs(tmp_path):
    """A fake /sys: sda is a fixed SATA disk, sdb a USB stick (removable=1)."""
    root = tmp_path / "sys"
    sata = root / "devices/pci0000:00/ata1/host0/block/sda"
    usb = root / "devices/pci0000:00/usb1/1-1/host6/block/sdb"
    for disk, removable in ((sata, "0"), (usb, "1")):
        (disk / f"{disk.name}{'2' if disk.name == 'sda' else '1'}").mkdir(parents=True)
        (disk / "removable").write_text(removable + "\n")
    (root / "dev/block").mkdir(parents=True)
    (root / "dev/block/8:2").symlink_to(sata / "sda2")
    (root / "dev/block/8:17").symlink_to(usb / "sdb1")
    return root


def test_drive_kinds_from_mountinfo(tmp_path):
    sysfs = _sysfs(tmp_path)

    def kind(path):
        return drives.kind_from_mounts(drives.Path(path), MOUNTINFO, sysfs)

    assert kind("/home/ana/ngheo.sqlite") == drives.LOCAL
    assert kind("/media/usb stick/ngheo.sqlite") == drives.REMOVABLE
    assert kind("/mnt/share/commune/ngheo.sqlite") == drives.NETWORK
    assert kind("/tmp/x.sqlite") == drives.LOCAL


def test_this_machine_is_not_misread_as_removable(tmp_path):
    assert drives.drive_kind(tmp_path / "not-yet" / "db.sqlite") in (drives.LOCAL, drives.UNKNOWN)


def test_ngheo_home_moves_the_data_folder(_isolated_home):
    assert paths.data_home() == _isolated_home


def test_portable_marker_puts_data_beside_the_executable(tmp_path, monkeypatch):
    monkeypatch.delenv("NGHEO_HOME")
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user-data"))
    assert paths.data_home() == tmp_path / "user-data"
    (tmp_path / paths.PORTABLE_MARKER).write_text("")
    assert paths.is_portable()
    assert paths.data_home() == tmp_path / paths.PORTABLE_DATA


def test_bundled_files_are_found_from_source():
    assert (paths.forms_dir() / "questionnaire.toml").is_file()
    assert paths.bundled("resources", "fonts", "DejaVuSans.ttf").is_file()


def test_a_new_database_on_a_removable_drive_is_refused_unless_asked(tmp_path, monkeypatch, capsys):
    from ngheo_desktop.cli import main
    from ngheo_desktop.services import register

    monkeypatch.setattr(register, "drive_kind", lambda path: drives.REMOVABLE)
    db = tmp_path / "usb" / "ngheo.sqlite"
    assert main(["db", "init", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "ổ đĩa rời" in err and err.count("\n") == 1
    assert not db.exists()
    assert main(["db", "init", "--db", str(db), "--allow-removable-drive"]) == 0
    assert db.exists()
    assert main(["db", "check", "--db", str(db)]) == 0  # an existing one opens, with a warning
    assert "cảnh báo" in capsys.readouterr().err


def test_a_portable_installation_is_not_warned_about_its_own_stick(tmp_path, monkeypatch):
    from ngheo_desktop.services import register

    monkeypatch.setattr(register, "drive_kind", lambda path: drives.REMOVABLE)
    assert "ổ đĩa rời" in register.risky_location(tmp_path / "ngheo.sqlite")
    monkeypatch.setattr(register, "is_portable", lambda: True)
    assert register.risky_location(tmp_path / "ngheo.sqlite") is None
    monkeypatch.setattr(register, "is_portable", lambda: False)
    monkeypatch.setattr(register, "drive_kind", lambda path: drives.NETWORK)
    assert "ổ mạng" in register.risky_location(tmp_path / "ngheo.sqlite")
    monkeypatch.setattr(register, "drive_kind", lambda path: drives.LOCAL)
    assert register.risky_location(tmp_path / "ngheo.sqlite") is None
