<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Rà soát hộ nghèo, hộ cận nghèo</source>
        <translation>Poor and near-poor household review</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Chuẩn nghèo đang dùng</source>
        <translation>Poverty standards in use</translation>
    </message>
    <message>
        <source> — chỉ số tạm thời, chưa xác minh</source>
        <translation> — provisional indicators, not verified</translation>
    </message>
    <message>
        <source>Phông chữ kèm theo và giấy phép</source>
        <translation>Bundled font and its licence</translation>
    </message>
    <message>
        <source>di động (dữ liệu nằm cạnh chương trình)</source>
        <translation>portable (data beside the program)</translation>
    </message>
</context>
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Rà soát hộ — {0}</source>
        <translation>Household review — {0}</translation>
    </message>
    <message>
        <source>← Quay lại</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Phần trước (Ctrl+PgUp)</source>
        <translation>Previous section (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Tiếp theo →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <source>Phần sau (Ctrl+PgDown)</source>
        <translation>Next section (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>✔ Hoàn tất rà soát</source>
        <translation>✔ Complete the review</translation>
    </message>
    <message>
        <source>Lưu kết quả rà soát (Ctrl+Enter)</source>
        <translation>Store the review result (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Đóng, làm tiếp sau</source>
        <translation>Close, continue later</translation>
    </message>
    <message>
        <source>Mọi câu trả lời đã được lưu; mở lại sẽ tiếp tục ở phần này (Esc)</source>
        <translation>Every answer is saved; reopening continues at this section (Esc)</translation>
    </message>
    <message>
        <source>Phần {0}/{1}: {2}</source>
        <translation>Section {0}/{1}: {2}</translation>
    </message>
    <message>
        <source>(chưa có tên chủ hộ)</source>
        <translation>(no head of household yet)</translation>
    </message>
    <message>
        <source>Rà soát hộ: {0}</source>
        <translation>Review of household: {0}</translation>
    </message>
    <message>
        <source>{0} · Ngày rà soát {1} · {2} thành viên</source>
        <translation>{0} · Review date {1} · {2} members</translation>
    </message>
    <message>
        <source>bỏ qua</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Đã trả lời {0}/{1} câu bắt buộc</source>
        <translation>{0}/{1} required questions answered</translation>
    </message>
    <message>
        <source>Đã đủ thông tin: có thể hoàn tất rà soát.</source>
        <translation>Everything needed is answered: the review can be completed.</translation>
    </message>
    <message>
        <source>Câu bắt buộc: cần trả lời trước khi hoàn tất.</source>
        <translation>Required: answer this before completing.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Giao việc cho {0}</source>
        <translation>Assign work to {0}</translation>
    </message>
    <message>
        <source>&amp;Thôn/tổ dân phố:</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <source>(không ghi đợt)</source>
        <translation>(no round)</translation>
    </message>
    <message>
        <source>Đợt &amp;rà soát:</source>
        <translation>Review &amp;round:</translation>
    </message>
    <message>
        <source>&amp;Chọn…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Lưu vào tệp:</source>
        <translation>&amp;Save to file:</translation>
    </message>
    <message>
        <source>Tệp chứa các hộ của thôn kèm phân loại năm trước, được ký bằng khóa văn phòng và chỉ máy này mở được.</source>
        <translation>The file holds the village&apos;s households with last year&apos;s class, signed with the office key; only this laptop can open it.</translation>
    </message>
    <message>
        <source>Xuất tệp giao việc</source>
        <translation>Export assignment</translation>
    </message>
    <message>
        <source>Lưu tệp giao việc</source>
        <translation>Save the assignment file</translation>
    </message>
    <message>
        <source>Tệp đồng bộ (*.ngheo)</source>
        <translation>Sync file (*.ngheo)</translation>
    </message>
    <message>
        <source>Chưa có thôn nào trong cơ sở dữ liệu.</source>
        <translation>There is no village in the database yet.</translation>
    </message>
    <message>
        <source>Chọn nơi lưu tệp trong một thư mục có sẵn.</source>
        <translation>Choose where to save the file, in a folder that exists.</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>— Chưa chọn —</source>
        <translation>— Not chosen —</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DeviceRegistry</name>
    <message>
        <source>Thiết bị đã đăng ký</source>
        <translation>Registered devices</translation>
    </message>
    <message>
        <source>Dấu vân tay của văn phòng xã:</source>
        <translation>Commune office fingerprint:</translation>
    </message>
    <message>
        <source>Tên gợi nhớ</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Đăng ký lúc</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>Số gói đã nhập</source>
        <translation>Bundles imported</translation>
    </message>
    <message>
        <source>Gói cuối</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>Nhập lần cuối</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Đăng ký máy từ tệp khóa…</source>
        <translation>&amp;Register a device from its key file…</translation>
    </message>
    <message>
        <source>&amp;Thu hồi…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>Xuất &amp;biên nhận…</source>
        <translation>Export &amp;receipt…</translation>
    </message>
    <message>
        <source>Các quyết định duyệt, trả lại, từ chối chưa gửi về máy này</source>
        <translation>The approvals, returns and rejections not yet sent back to this laptop</translation>
    </message>
    <message>
        <source>Gửi &amp;lại biên nhận…</source>
        <translation>Send the receipt &amp;again…</translation>
    </message>
    <message>
        <source>Mọi quyết định cho máy này, cả những quyết định đã gửi: khi biên nhận trước bị mất hoặc không nhập được</source>
        <translation>Every decision for this laptop, including those already sent: for when the last receipt was lost or could not be imported</translation>
    </message>
    <message>
        <source>Xuất tệp &amp;giao việc…</source>
        <translation>Export &amp;assignment…</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Đã thu hồi sau gói số {0}</source>
        <translation>Revoked after bundle number {0}</translation>
    </message>
    <message>
        <source>Đã đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Đã đăng ký “{0}”.
Dấu vân tay: {1}</source>
        <translation>“{0}” registered.
Fingerprint: {1}</translation>
    </message>
    <message>
        <source>Lưu biên nhận cho {0}</source>
        <translation>Save the receipt for {0}</translation>
    </message>
    <message>
        <source>Tệp đồng bộ (*.ngheo)</source>
        <translation>Sync file (*.ngheo)</translation>
    </message>
    <message>
        <source>Biên nhận được ký bằng khóa của văn phòng xã.</source>
        <translation>The receipt is signed with the commune office&apos;s key.</translation>
    </message>
    <message>
        <source>Đang xuất biên nhận…</source>
        <translation>Exporting the receipt…</translation>
    </message>
    <message>
        <source>Đã xuất biên nhận</source>
        <translation>Receipt exported</translation>
    </message>
    <message>
        <source>Đã ghi biên nhận số {0}: {1}
Chấp nhận {2}, trả lại {3}, từ chối {4}. Gửi tệp này cho rà soát viên để nhập trên máy thực địa.</source>
        <translation>Receipt number {0} written: {1}
Accepted {2}, returned {3}, rejected {4}. Send this file to the surveyor to import on the field laptop.</translation>
    </message>
    <message>
        <source>Tệp giao việc được ký bằng khóa của văn phòng xã.</source>
        <translation>The assignment file is signed with the commune office&apos;s key.</translation>
    </message>
    <message>
        <source>Đang xuất tệp giao việc…</source>
        <translation>Exporting the assignment file…</translation>
    </message>
    <message>
        <source>Đã xuất tệp giao việc</source>
        <translation>Assignment file exported</translation>
    </message>
    <message>
        <source>Đã ghi tệp giao việc số {0}: {1}
{2} hộ. Gửi tệp này cho rà soát viên để nhập trên máy thực địa.</source>
        <translation>Assignment file number {0} written: {1}
{2} households. Send this file to the surveyor to import on the field laptop.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Đăng ký máy thực địa</source>
        <translation>Register a field laptop</translation>
    </message>
    <message>
        <source>&amp;Chọn tệp…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>&amp;Tệp khóa công khai:</source>
        <translation>&amp;Public key file:</translation>
    </message>
    <message>
        <source>Ví dụ: 7K3Q9-ZW2MT-… (không bắt buộc, nên có)</source>
        <translation>For example: 7K3Q9-ZW2MT-… (optional, recommended)</translation>
    </message>
    <message>
        <source>&amp;Dấu vân tay đọc qua điện thoại:</source>
        <translation>&amp;Fingerprint read over the phone:</translation>
    </message>
    <message>
        <source>Nhờ rà soát viên đọc dấu vân tay hiện trên máy của họ (Đồng bộ → Khóa của máy này). Nếu không khớp tệp, máy sẽ không được đăng ký.</source>
        <translation>Ask the surveyor to read out the fingerprint shown on their laptop (Sync → This computer&apos;s key). If it does not match the file, the device is not registered.</translation>
    </message>
    <message>
        <source>Đăng ký</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai của máy thực địa</source>
        <translation>Choose the field laptop&apos;s public key file</translation>
    </message>
    <message>
        <source>Tệp khóa công khai (*.json)</source>
        <translation>Public key file (*.json)</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Sửa thông tin ở trường được nêu rồi lưu lại.</source>
        <translation>Correct the field named in the message, then save again.</translation>
    </message>
    <message>
        <source>Tệp định nghĩa trong thư mục forms/ bị hỏng: cài lại phần mềm hoặc báo cán bộ phụ trách.</source>
        <translation>A definition file in forms/ is broken: reinstall the software or tell the officer in charge.</translation>
    </message>
    <message>
        <source>Kiểm tra ngày rà soát hoặc cài chuẩn nghèo áp dụng cho năm đó.</source>
        <translation>Check the review date, or install the poverty standard for that year.</translation>
    </message>
    <message>
        <source>Không có gì thay đổi trong cơ sở dữ liệu. Nếu cần, đề nghị người gửi xuất lại tệp.</source>
        <translation>Nothing in the database changed. If needed, ask the sender to export the file again.</translation>
    </message>
    <message>
        <source>Danh sách thiết bị tin cậy không thay đổi. Khi đăng ký khóa, hãy đọc đối chiếu dấu vân tay với người gửi.</source>
        <translation>The list of trusted devices is unchanged. When enrolling a key, read the fingerprint back to the sender to compare.</translation>
    </message>
    <message>
        <source>Làm theo hướng dẫn trong thông báo rồi thử lại.</source>
        <translation>Follow the advice in the message, then try again.</translation>
    </message>
    <message>
        <source>Hãy thử lại. Nếu lỗi lặp lại, gửi tệp nhật ký cho cán bộ hỗ trợ kỹ thuật: {0}</source>
        <translation>Please try again. If it happens again, send the log file to technical support: {0}</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi ngoài dự kiến; thao tác vừa rồi chưa hoàn thành.</source>
        <translation>An unexpected error occurred; the last action was not completed.</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Xuất gói gửi văn phòng xã</source>
        <translation>Export a bundle for the commune office</translation>
    </message>
    <message>
        <source>Gói chứa mọi hộ, phiếu rà soát và khoản hỗ trợ văn phòng xã chưa xác nhận, được mã hóa cho văn phòng xã và ký bằng khóa của máy này. Tên tệp không chứa tên người hay số định danh.</source>
        <translation>The bundle holds every household, review and support record the commune office has not confirmed, encrypted for the office and signed with this computer&apos;s key. The file name contains no names or ID numbers.</translation>
    </message>
    <message>
        <source>Sẽ gửi: {0}.</source>
        <translation>To send: {0}.</translation>
    </message>
    <message>
        <source>Không có thay đổi nào cần gửi: văn phòng xã đã nhận đủ.</source>
        <translation>Nothing to send: the commune office has everything.</translation>
    </message>
    <message>
        <source>&amp;Chọn thư mục…</source>
        <translation>&amp;Choose folder…</translation>
    </message>
    <message>
        <source>&amp;Lưu vào:</source>
        <translation>&amp;Save to:</translation>
    </message>
    <message>
        <source>USB: {0}</source>
        <translation>USB: {0}</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu khóa:</source>
        <translation>Key &amp;passphrase:</translation>
    </message>
    <message>
        <source>Xuất gói</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>Chọn thư mục hoặc USB</source>
        <translation>Choose a folder or USB drive</translation>
    </message>
    <message>
        <source>Thư mục này không có: chọn một thư mục hoặc USB đang cắm.</source>
        <translation>This folder does not exist: choose a folder or a USB drive that is plugged in.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Chỉ nhập chữ số, ví dụ 1.500.000</source>
        <translation>Digits only, for example 1.500.000</translation>
    </message>
    <message>
        <source>Nhập một số, ví dụ 30 hoặc 30,5</source>
        <translation>Enter a number, for example 30 or 30,5</translation>
    </message>
    <message>
        <source>Ngày phải có dạng dd/mm/yyyy, ví dụ 05/10/1984</source>
        <translation>Dates are dd/mm/yyyy, for example 05/10/1984</translation>
    </message>
    <message>
        <source>Ngày {0} không có trong lịch</source>
        <translation>{0} is not a calendar date</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Rà soát hộ nghèo, hộ cận nghèo</source>
        <translation>Poor and near-poor household review</translation>
    </message>
    <message>
        <source>Lần đầu mở phần mềm: đang tạo một xã mẫu để làm quen…</source>
        <translation>First start: building a demo commune to explore…</translation>
    </message>
    <message>
        <source>Đang tạo xã mẫu (dữ liệu giả định)…</source>
        <translation>Building the demo commune (made-up data)…</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Họp dân</source>
        <translation>Village meeting</translation>
    </message>
    <message>
        <source>thành viên đã xóa</source>
        <translation>member removed</translation>
    </message>
    <message>
        <source>Xã trả lại hộ này để rà soát lại: sửa các câu có nhận xét của xã (phần có dấu {0}).</source>
        <translation>The commune office returned this household for another review: correct the questions it commented on (sections marked {0}).</translation>
    </message>
    <message>
        <source>Xã trả lại hộ này để rà soát lại. Nhận xét của xã:</source>
        <translation>The commune office returned this household for another review. Its comments:</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <source>Thông tin hộ</source>
        <translation>Household details</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Năm rà soát</source>
        <translation>Year under review</translation>
    </message>
    <message>
        <source>Đợt</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Phân loại</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chuẩn áp dụng</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Lịch sử rà soát</source>
        <translation>Past reviews</translation>
    </message>
    <message>
        <source>Hỗ trợ đã nhận</source>
        <translation>Support received</translation>
    </message>
    <message>
        <source>Rà soát hộ này…</source>
        <translation>Review this household…</translation>
    </message>
    <message>
        <source>Mở phiếu rà soát (Ctrl+R)</source>
        <translation>Open the review questionnaire (Ctrl+R)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hộ mới (chưa có tên chủ hộ)</source>
        <translation>New household (no head of household yet)</translation>
    </message>
    <message>
        <source>Hộ {0}</source>
        <translation>Household {0}</translation>
    </message>
    <message>
        <source>Hộ mới</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>{0} thành viên</source>
        <translation>{0} members</translation>
    </message>
    <message>
        <source>Mỗi câu trả lời được lưu ngay khi xác nhận (Enter hoặc chuyển ô).</source>
        <translation>Each answer is saved as soon as it is confirmed (Enter or moving to another field).</translation>
    </message>
    <message>
        <source>Hộ sẽ được lưu khi có câu trả lời đầu tiên.</source>
        <translation>The household is saved with its first answer.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại hỗ trợ</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Đơn vị hỗ trợ</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Thêm hỗ trợ đã nhận</source>
        <translation>Add support received</translation>
    </message>
    <message>
        <source>để trống nếu không bằng tiền</source>
        <translation>leave empty if not in money</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Ngày nhận:</source>
        <translation>Date received:</translation>
    </message>
    <message>
        <source>Số tiền (đ):</source>
        <translation>Amount (VND):</translation>
    </message>
    <message>
        <source>Đơn vị hỗ trợ:</source>
        <translation>Provider:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Thêm hỗ trợ</source>
        <translation>Add support</translation>
    </message>
    <message>
        <source>Cần ngày nhận hỗ trợ.</source>
        <translation>The date the support was received is needed.</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Nghèo</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Cận nghèo</source>
        <translation>Near-poor</translation>
    </message>
    <message>
        <source>Mức sống trung bình</source>
        <translation>Average living</translation>
    </message>
    <message>
        <source>Trên mức sống TB</source>
        <translation>Above average living</translation>
    </message>
    <message>
        <source>Trên chuẩn nghèo</source>
        <translation>Above poverty line</translation>
    </message>
    <message>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đã hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Chưa rà soát</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Chủ hộ</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Phân loại</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Trạng thái rà soát</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>Gửi xã</source>
        <translation>To send</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Đã gửi, chờ biên nhận của xã</source>
        <translation>Sent, waiting for the commune&apos;s receipt</translation>
    </message>
    <message>
        <source>Xã đã nhận</source>
        <translation>Received by the commune</translation>
    </message>
    <message>
        <source>Xã trả lại: cần rà soát lại theo nhận xét của xã</source>
        <translation>Returned by the commune: review again following its comments</translation>
    </message>
    <message>
        <source>Xã không nhận bản này</source>
        <translation>The commune did not accept this version</translation>
    </message>
    <message>
        <source>Chưa gửi lên xã</source>
        <translation>Not yet sent to the commune</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Nhập {0}</source>
        <translation>Import {0}</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Gửi từ:</source>
        <translation>Sent from:</translation>
    </message>
    <message>
        <source>hợp lệ</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>chưa xác minh được — thiết bị gửi chưa được đăng ký trên máy này</source>
        <translation>cannot be verified — the sending device is not registered on this computer</translation>
    </message>
    <message>
        <source>Chữ ký:</source>
        <translation>Signature:</translation>
    </message>
    <message>
        <source>Gửi đến:</source>
        <translation>Sent to:</translation>
    </message>
    <message>
        <source>máy này</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>máy khác ({0})</source>
        <translation>another computer ({0})</translation>
    </message>
    <message>
        <source>Số thứ tự:</source>
        <translation>Sequence number:</translation>
    </message>
    <message>
        <source>Tạo lúc:</source>
        <translation>Created at:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu khóa:</source>
        <translation>Key &amp;passphrase:</translation>
    </message>
    <message>
        <source>Máy này chưa đăng ký thiết bị gửi: tệp sẽ bị từ chối.</source>
        <translation>The sending device is not registered on this computer: the file will be refused.</translation>
    </message>
    <message>
        <source>Tệp này gửi cho máy khác: tệp sẽ bị từ chối.</source>
        <translation>This file is addressed to another computer: it will be refused.</translation>
    </message>
    <message>
        <source>Thiết bị gửi đã bị thu hồi sau gói số {0}: gói này không được nhập vào sổ hộ; mọi bản ghi trong gói được đưa vào hàng chờ xem xét.</source>
        <translation>The sending device was revoked after bundle number {0}: this bundle does not enter the register; every record in it goes to the review queue.</translation>
    </message>
    <message>
        <source>Đưa vào hàng chờ xem xét</source>
        <translation>Put in the review queue</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>KeySetupDialog</name>
    <message>
        <source>Thiết lập khóa cho máy này</source>
        <translation>Set up this computer&apos;s keys</translation>
    </message>
    <message>
        <source>Mỗi máy có một cặp khóa để ký và nhận gói dữ liệu. Chọn vai trò của máy này; vai trò không đổi được sau khi tạo khóa.</source>
        <translation>Each computer has a key pair to sign and receive data bundles. Choose this computer&apos;s role; the role cannot change once the keys are made.</translation>
    </message>
    <message>
        <source>&amp;Rà soát viên — máy thực địa, gửi gói dữ liệu lên xã</source>
        <translation>&amp;Surveyor — field laptop, sends data bundles to the commune</translation>
    </message>
    <message>
        <source>&amp;Văn phòng xã — nhận, kiểm tra và duyệt gói từ các máy</source>
        <translation>Commune &amp;office — receives, checks and approves bundles from the laptops</translation>
    </message>
    <message>
        <source>Ví dụ: Máy thôn Đồng Tâm, hoặc UBND xã Quỳnh Thắng</source>
        <translation>For example: Đồng Tâm village laptop, or Quỳnh Thắng commune office</translation>
    </message>
    <message>
        <source>&amp;Tên gợi nhớ:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu khóa:</source>
        <translation>Key &amp;passphrase:</translation>
    </message>
    <message>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Repeat the passphrase:</translation>
    </message>
    <message>
        <source>Mật khẩu không được lưu ở đâu cả và không khôi phục được: hãy ghi lại và cất nơi an toàn. Mỗi lần xuất hoặc nhập gói, phần mềm sẽ hỏi mật khẩu này.</source>
        <translation>The passphrase is stored nowhere and cannot be recovered: write it down and keep it somewhere safe. It is asked for at every bundle export or import.</translation>
    </message>
    <message>
        <source>Tạo khóa</source>
        <translation>Make the keys</translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất {0} ký tự.</source>
        <translation>The passphrase needs at least {0} characters.</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Rà soát viên</source>
        <translation>Surveyor</translation>
    </message>
    <message>
        <source>Văn phòng xã</source>
        <translation>Commune office</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Khóa của máy này</source>
        <translation>This computer&apos;s key</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Tên gợi nhớ:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <source>Mã thiết bị:</source>
        <translation>Device id:</translation>
    </message>
    <message>
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Khi đăng ký, hai bên đọc dấu vân tay cho nhau qua điện thoại để đối chiếu; mỗi nhóm có một ký tự kiểm tra để phát hiện ký tự đọc nhầm.</source>
        <translation>When registering, both sides read their fingerprints to each other over the phone to compare; each group has a check character that catches a misread character.</translation>
    </message>
    <message>
        <source>Chưa có: hãy tin tệp khóa công khai của văn phòng xã.</source>
        <translation>None yet: trust the commune office&apos;s public key file.</translation>
    </message>
    <message>
        <source>Văn phòng xã:</source>
        <translation>Commune office:</translation>
    </message>
    <message>
        <source>&amp;Lưu tệp khóa công khai…</source>
        <translation>&amp;Save the public key file…</translation>
    </message>
    <message>
        <source>&amp;Tin khóa văn phòng xã…</source>
        <translation>&amp;Trust the commune office&apos;s key…</translation>
    </message>
    <message>
        <source>Lưu tệp khóa công khai</source>
        <translation>Save the public key file</translation>
    </message>
    <message>
        <source>Tệp khóa công khai (*.json)</source>
        <translation>Public key file (*.json)</translation>
    </message>
    <message>
        <source>Tệp khóa công khai được ký bằng khóa của máy này.</source>
        <translation>The public key file is signed with this computer&apos;s key.</translation>
    </message>
    <message>
        <source>Đã lưu tệp khóa công khai</source>
        <translation>Public key file saved</translation>
    </message>
    <message>
        <source>Đã lưu {0}.
Gửi tệp này cho bên kia và đọc dấu vân tay để đối chiếu:
{1}</source>
        <translation>{0} saved.
Send this file to the other side and read out the fingerprint to compare:
{1}</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai của văn phòng xã</source>
        <translation>Choose the commune office&apos;s public key file</translation>
    </message>
    <message>
        <source>Đã tin khóa văn phòng xã</source>
        <translation>Commune office key trusted</translation>
    </message>
    <message>
        <source>Đã tin {0}.
Dấu vân tay: {1}
Hãy đọc đối chiếu với văn phòng xã qua điện thoại.</source>
        <translation>{0} trusted.
Fingerprint: {1}
Read it out to the commune office over the phone to compare.</translation>
    </message>
</context>
<context>
    <name>LineField</name>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rà soát hộ nghèo, hộ cận nghèo</source>
        <translation>Poor and near-poor household review</translation>
    </message>
    <message>
        <source>DỮ LIỆU MẪU — xã và các hộ trong cơ sở dữ liệu này là giả định, chỉ để làm quen với phần mềm. Chọn cơ sở dữ liệu thật trong Cài đặt.</source>
        <translation>DEMO DATA — the commune and households in this database are made up, for getting to know the software. Choose the real database in Settings.</translation>
    </message>
    <message>
        <source>CHỈ ĐỌC — {0}. Xem, tìm và in được nhưng không lưu được thay đổi; chép tệp sang một thư mục ghi được (hoặc gỡ khóa chống ghi) để làm việc tiếp.</source>
        <translation>READ ONLY — {0}. You can view, search and print, but no change can be saved; copy the file to a folder that can be written (or remove the write protection) to go on working.</translation>
    </message>
    <message>
        <source>Tìm theo tên, số định danh, địa chỉ, thôn — gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Search by name, ID number, address, village — with or without diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Hộ gia đình</source>
        <translation>&amp;Household</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Thêm hộ mới</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>Mở hộ</source>
        <translation>Open household</translation>
    </message>
    <message>
        <source>Rà soát hộ</source>
        <translation>Review household</translation>
    </message>
    <message>
        <source>In phiếu rà soát của hộ…</source>
        <translation>Print the household&apos;s review sheet…</translation>
    </message>
    <message>
        <source>In phiếu cả thôn…</source>
        <translation>Print the sheets of a whole village…</translation>
    </message>
    <message>
        <source>In biên bản họp dân…</source>
        <translation>Print village meeting minutes…</translation>
    </message>
    <message>
        <source>Báo cáo…</source>
        <translation>Reports…</translation>
    </message>
    <message>
        <source>Tìm hộ</source>
        <translation>Find household</translation>
    </message>
    <message>
        <source>Phân loại lại theo chuẩn mới (xem trước)…</source>
        <translation>Reclassify under the newest standard (preview)…</translation>
    </message>
    <message>
        <source>Kiểm tra phiếu giấy…</source>
        <translation>Check a paper sheet…</translation>
    </message>
    <message>
        <source>Đơn vị hành chính…</source>
        <translation>Administrative units…</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source> (dữ liệu mẫu)</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <source>{0} hộ đầu tiên khớp với “{1}” — gõ thêm để thu hẹp</source>
        <translation>First {0} households matching “{1}” — type more to narrow down</translation>
    </message>
    <message>
        <source>{0} hộ khớp với “{1}”</source>
        <translation>{0} households match “{1}”</translation>
    </message>
    <message>
        <source>{0} hộ</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <source>Đang phân loại lại toàn bộ hộ theo {0}…</source>
        <translation>Reclassifying every household under {0}…</translation>
    </message>
    <message>
        <source>Theo {0}: {1} hộ, {2} hộ đổi phân loại, trong đó {3} hộ vào hoặc ra danh sách hộ nghèo, cận nghèo.</source>
        <translation>Under {0}: {1} households, {2} change class, of which {3} enter or leave the poor and near-poor lists.</translation>
    </message>
    <message>
        <source>Phân loại lại (xem trước)</source>
        <translation>Reclassification (preview)</translation>
    </message>
    <message>
        <source>Đây là bản xem trước: phân loại trong sổ hộ không thay đổi.</source>
        <translation>This is a preview: the classes in the register do not change.</translation>
    </message>
    <message>
        <source>Đơn vị hành chính</source>
        <translation>Administrative units</translation>
    </message>
    <message>
        <source>Tên và khu vực (nông thôn, thành thị) của thôn, xã do văn phòng xã sửa. Máy rà soát nhận thông tin mới khi nhập tệp giao việc của xã.</source>
        <translation>The names and areas (rural, urban) of villages and communes are edited by the commune office. This laptop receives them when it imports the commune&apos;s assignment file.</translation>
    </message>
</context>
<context>
    <name>MembersEditor</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Quan hệ</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tuổi</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Thêm thành viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Thêm một thành viên (Ctrl+M)</source>
        <translation>Add a member (Ctrl+M)</translation>
    </message>
    <message>
        <source>Xóa thành viên</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <source>Xóa thành viên đang chọn (Delete trong danh sách)</source>
        <translation>Remove the selected member (Delete in the list)</translation>
    </message>
    <message>
        <source>Chưa có thành viên. Bấm “Thêm thành viên” (Ctrl+M) để nhập người đầu tiên, thường là chủ hộ.</source>
        <translation>No members yet. Press “Add member” (Ctrl+M) to enter the first one, usually the head of household.</translation>
    </message>
    <message>
        <source>(chưa có tên)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>{0} câu</source>
        <translation>{0} questions</translation>
    </message>
    <message>
        <source>Xóa {0} khỏi hộ? Câu trả lời của người này sẽ bị xóa.</source>
        <translation>Remove {0} from the household? This person&apos;s answers will be deleted.</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <source>In biên bản họp dân</source>
        <translation>Print village meeting minutes</translation>
    </message>
    <message>
        <source>&amp;Kỳ rà soát:</source>
        <translation>Review &amp;round:</translation>
    </message>
    <message>
        <source>&amp;Cuộc họp:</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <source>Biên bản in hai bản, điền sẵn các hộ đã đưa ra họp và số người đồng ý.</source>
        <translation>The minutes print in two copies, filled in with the households discussed and the number who agreed.</translation>
    </message>
    <message>
        <source>Lập biên bản</source>
        <translation>Make the minutes</translation>
    </message>
    <message>
        <source>{0} — họp ngày {1}, {2} người dự</source>
        <translation>{0} — meeting on {1}, {2} present</translation>
    </message>
    <message>
        <source>(kỳ này chưa ghi cuộc họp dân nào)</source>
        <translation>(no village meeting recorded in this round)</translation>
    </message>
</context>
<context>
    <name>MultiChoiceField</name>
    <message>
        <source>Không có mục nào</source>
        <translation>None of these</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Mật khẩu khóa</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Mật khẩu khóa của máy này</source>
        <translation>This computer&apos;s key passphrase</translation>
    </message>
    <message>
        <source>Mật khẩu không đúng: không mở được khóa của máy này. Hãy nhập lại.</source>
        <translation>Wrong passphrase: this computer&apos;s key did not open. Please type it again.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Đã dừng in sau {0}/{1} trang.</source>
        <translation>Printing stopped after {0}/{1} pages.</translation>
    </message>
    <message>
        <source>Không bắt đầu in được trên máy in {0}.</source>
        <translation>Could not start printing on the printer {0}.</translation>
    </message>
    <message>
        <source>Máy in dừng ở trang {0}.</source>
        <translation>The printer stopped at page {0}.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Chọn máy in và in (Ctrl+P)</source>
        <translation>Choose a printer and print (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Lưu thành…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>Lưu một bản PDF vào thư mục bạn chọn (Ctrl+S)</source>
        <translation>Save a copy of the PDF in a folder of your choice (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Mở tệp PDF</source>
        <translation>&amp;Open the PDF file</translation>
    </message>
    <message>
        <source>Mở bằng phần mềm đọc PDF của máy</source>
        <translation>Open with this computer&apos;s PDF reader</translation>
    </message>
    <message>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Trang {0}/{1}</source>
        <translation>Page {0}/{1}</translation>
    </message>
    <message>
        <source>In {0}</source>
        <translation>Print {0}</translation>
    </message>
    <message>
        <source>Đang gửi {0} trang đến máy in…</source>
        <translation>Sending {0} pages to the printer…</translation>
    </message>
    <message>
        <source>Đã gửi {0} trang đến máy in.</source>
        <translation>{0} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Lưu tệp PDF</source>
        <translation>Save the PDF file</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Đã lưu: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Không mở được tệp</source>
        <translation>The file could not be opened</translation>
    </message>
    <message>
        <source>Máy này chưa có phần mềm đọc PDF. Bấm “Lưu thành…” để lưu tệp, rồi mở nó trên máy khác hoặc sau khi cài phần mềm đọc PDF.</source>
        <translation>This computer has no PDF reader. Press “Save as…” to save the file, then open it on another computer or after installing a PDF reader.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Đã hủy; không có tệp nào được ghi.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Đang lập phiếu rà soát của hộ {0}…</source>
        <translation>Making the assessment sheet of household {0}…</translation>
    </message>
    <message>
        <source>Phiếu rà soát — hộ {0}</source>
        <translation>Assessment sheet — household {0}</translation>
    </message>
    <message>
        <source>In phiếu cả thôn</source>
        <translation>Print a whole village</translation>
    </message>
    <message>
        <source>Xã này chưa có thôn nào.</source>
        <translation>This commune has no village yet.</translation>
    </message>
    <message>
        <source>In phiếu của mọi hộ đã rà soát trong thôn:</source>
        <translation>Print the sheets of every assessed household in the village:</translation>
    </message>
    <message>
        <source>Đang lập phiếu rà soát của {0}…</source>
        <translation>Making the assessment sheets of {0}…</translation>
    </message>
    <message>
        <source>Phiếu rà soát — {0}</source>
        <translation>Assessment sheets — {0}</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu chưa có kỳ rà soát nào.</source>
        <translation>The database has no review round yet.</translation>
    </message>
    <message>
        <source>Đang lập biên bản họp dân {0}…</source>
        <translation>Making the village meeting minutes of {0}…</translation>
    </message>
    <message>
        <source>Biên bản họp dân — {0}</source>
        <translation>Village meeting minutes — {0}</translation>
    </message>
    <message>
        <source>Lập phiếu</source>
        <translation>Make the sheets</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>(chưa xác minh)</source>
        <translation>(not yet verified)</translation>
    </message>
    <message>
        <source>Xã nhận xét: {0}</source>
        <translation>Commune office: {0}</translation>
    </message>
</context>
<context>
    <name>RecognitionDialog</name>
    <message>
        <source>Công nhận kết quả rà soát</source>
        <translation>Recognise the review results</translation>
    </message>
    <message>
        <source>Ghi quyết định công nhận của Chủ tịch UBND xã. Sau khi ghi, đợt rà soát được đóng và danh sách hộ nghèo, hộ cận nghèo của đợt được chốt.</source>
        <translation>Record the commune chair&apos;s decision of recognition. Once recorded, the review round is closed and its lists of poor and near-poor households are fixed.</translation>
    </message>
    <message>
        <source>Đợt &amp;rà soát:</source>
        <translation>Review &amp;round:</translation>
    </message>
    <message>
        <source>&amp;Ngày ký quyết định:</source>
        <translation>&amp;Date of the decision:</translation>
    </message>
    <message>
        <source>ví dụ 123/QĐ-UBND</source>
        <translation>e.g. 123/QĐ-UBND</translation>
    </message>
    <message>
        <source>&amp;Số quyết định:</source>
        <translation>Decision &amp;number:</translation>
    </message>
    <message>
        <source>&amp;Chủ tịch UBND xã:</source>
        <translation>Commune &amp;chair:</translation>
    </message>
    <message>
        <source>Ghi quyết định</source>
        <translation>Record the decision</translation>
    </message>
    <message>
        <source>Chưa có đợt rà soát nào để công nhận.</source>
        <translation>There is no review round to recognise.</translation>
    </message>
    <message>
        <source>Ghi số quyết định và họ tên Chủ tịch UBND xã.</source>
        <translation>Enter the decision number and the commune chair&apos;s full name.</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Báo cáo của xã</source>
        <translation>Commune reports</translation>
    </message>
    <message>
        <source>&amp;Loại báo cáo:</source>
        <translation>Report &amp;kind:</translation>
    </message>
    <message>
        <source>&amp;Kỳ rà soát:</source>
        <translation>Review &amp;round:</translation>
    </message>
    <message>
        <source>PDF — để in, gửi huyện</source>
        <translation>PDF — to print and send to the district</translation>
    </message>
    <message>
        <source>XLSX — mở bằng Excel</source>
        <translation>XLSX — opens in Excel</translation>
    </message>
    <message>
        <source>CSV — bảng dữ liệu</source>
        <translation>CSV — data table</translation>
    </message>
    <message>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Chọn…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Lưu vào tệp:</source>
        <translation>&amp;Save to file:</translation>
    </message>
    <message>
        <source>&amp;Mở tệp sau khi lập xong</source>
        <translation>&amp;Open the file when it is ready</translation>
    </message>
    <message>
        <source>Lập &amp;báo cáo</source>
        <translation>Make the &amp;report</translation>
    </message>
    <message>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu chưa có kỳ rà soát nào: chưa có gì để báo cáo.</source>
        <translation>The database has no review round yet: there is nothing to report.</translation>
    </message>
    <message>
        <source>Số hộ nghèo, cận nghèo, có mức sống trung bình và tỷ lệ theo từng thôn và cả xã, tính theo hộ và theo nhân khẩu; bản PDF có biểu đồ tỷ lệ thiếu hụt.</source>
        <translation>Numbers and rates of poor, near-poor and average-living households by village and for the commune, by household and by person; the PDF has a chart of deprivation rates.</translation>
    </message>
    <message>
        <source>Với hộ nghèo và hộ cận nghèo: số hộ và tỷ lệ thiếu hụt từng chỉ số.</source>
        <translation>For poor and near-poor households: number and rate deprived on each indicator.</translation>
    </message>
    <message>
        <source>Hộ dân tộc thiểu số, hộ không có người có khả năng lao động, hộ người có công với cách mạng và các hộ khác.</source>
        <translation>Ethnic minority households, households with nobody able to work, households of people with merit to the revolution, and the others.</translation>
    </message>
    <message>
        <source>Thoát nghèo, từ nghèo sang cận nghèo, tái nghèo, nghèo phát sinh… so với kỳ rà soát trước.</source>
        <translation>Out of poverty, from poor to near-poor, back into poverty, newly poor… compared with the previous round.</translation>
    </message>
    <message>
        <source>Chỉ số H, A và M0 của xã và từng thôn theo ngưỡng của chuẩn nghèo — để so sánh giữa các xã.</source>
        <translation>The H, A and M0 indices of the commune and each village at the standard&apos;s cut-off — to compare communes.</translation>
    </message>
    <message>
        <source>Tỷ lệ hộ nghèo, cận nghèo của mọi kỳ rà soát trong cơ sở dữ liệu (không cần chọn kỳ).</source>
        <translation>Poor and near-poor rates of every review round in the database (no round to choose).</translation>
    </message>
    <message>
        <source>Mọi hộ ở nhà tạm, nhà dột nát, kèm phân loại và hỗ trợ nhà ở đã nhận.</source>
        <translation>Every household in temporary or dilapidated housing, with its class and the housing support received.</translation>
    </message>
    <message>
        <source>Thiếu hụt của từng hộ nghèo, cận nghèo và chương trình hỗ trợ tương ứng; danh sách hộ chưa được hỗ trợ theo từng chương trình.</source>
        <translation>Deprivations of each poor and near-poor household and the matching support programme; households not yet supported, by programme.</translation>
    </message>
    <message>
        <source>Danh sách niêm yết công khai tại thôn: chỉ họ tên, thôn và phân loại — không có số định danh, thu nhập hay thông tin sức khỏe.</source>
        <translation>The list posted publicly in the village: name, village and class only — no ID numbers, income or health information.</translation>
    </message>
    <message>
        <source>Hộ nghèo, cận nghèo theo dân tộc của chủ hộ (Kinh trước, các dân tộc khác theo số hộ), toàn xã và từng thôn.</source>
        <translation>Poor and near-poor households by the head of household&apos;s ethnic group (Kinh first, then the others by number of households), for the commune and each village.</translation>
    </message>
    <message>
        <source>Số hộ nghèo, cận nghèo theo từng nguyên nhân nghèo ghi trong phiếu (một hộ có thể có nhiều nguyên nhân) và số hộ chưa ghi nguyên nhân.</source>
        <translation>Poor and near-poor households by each cause of poverty recorded on the form (a household may give several) and the households with no cause recorded.</translation>
    </message>
    <message>
        <source>Hộ nghèo, cận nghèo có trẻ em dưới 16 tuổi; số hộ có trẻ bị thiếu hụt dinh dưỡng, đi học, bảo hiểm y tế.</source>
        <translation>Poor and near-poor households with children under 16; how many have a child deprived of nutrition, schooling or health insurance.</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Chọn tệp để lưu báo cáo.</source>
        <translation>Choose a file to save the report in.</translation>
    </message>
    <message>
        <source>Ghi đè tệp?</source>
        <translation>Overwrite the file?</translation>
    </message>
    <message>
        <source>Tệp {0} đã có. Ghi đè bằng báo cáo mới?</source>
        <translation>{0} already exists. Overwrite it with the new report?</translation>
    </message>
    <message>
        <source>Đang lập báo cáo “{0}”…</source>
        <translation>Making the report “{0}”…</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo: {0}</source>
        <translation>Report saved: {0}</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo: {0}. Máy này chưa có phần mềm mở được tệp {1}.</source>
        <translation>Report saved: {0}. This computer has no program that opens {1} files.</translation>
    </message>
    <message>
        <source>Chưa lập được báo cáo.</source>
        <translation>The report could not be made.</translation>
    </message>
    <message>
        <source>Ghi đè</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Hộ nghèo</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <source>Hộ cận nghèo</source>
        <translation>Near-poor household</translation>
    </message>
    <message>
        <source>Hộ có mức sống trung bình</source>
        <translation>Average-living household</translation>
    </message>
    <message>
        <source>Hộ trên mức sống trung bình</source>
        <translation>Above average living</translation>
    </message>
    <message>
        <source>Hộ trên chuẩn nghèo</source>
        <translation>Above the poverty line</translation>
    </message>
    <message>
        <source>Chưa xác định</source>
        <translation>Not decided yet</translation>
    </message>
    <message>
        <source>Kết quả tạm tính</source>
        <translation>Provisional result</translation>
    </message>
    <message>
        <source>Chưa có chuẩn áp dụng</source>
        <translation>No standard applies</translation>
    </message>
    <message>
        <source>{0} (chưa chắc chắn)</source>
        <translation>{0} (not certain)</translation>
    </message>
    <message>
        <source>Thu nhập:</source>
        <translation>Income:</translation>
    </message>
    <message>
        <source>Chuẩn nghèo {0}: {1}/người/tháng</source>
        <translation>{0} poverty line: {1}/person/month</translation>
    </message>
    <message>
        <source>Chuẩn áp dụng: {0} (năm rà soát {1}). Thiếu hụt {2} chỉ số, chưa rõ {3}; hộ nghèo khi từ {4} chỉ số.</source>
        <translation>Standard: {0} (year under review {1}). Deprived on {2} indicators, {3} unknown; poor from {4} indicators.</translation>
    </message>
    <message>
        <source>Còn câu trả lời chưa có: {0} chỉ số chưa xác định được.</source>
        <translation>Answers are missing: {0} indicators cannot be decided yet.</translation>
    </message>
    <message>
        <source>✔ đạt · ✘ thiếu hụt · ? chưa rõ · † dựa trên tham số chưa xác minh</source>
        <translation>✔ met · ✘ deprived · ? unknown · † rests on unverified parameters</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Trả lại cho rà soát viên</source>
        <translation>Return to the surveyor</translation>
    </message>
    <message>
        <source>Ghi nhận xét vào dòng của câu hỏi cần xem lại (nhấp đúp hoặc F2 để sửa). Rà soát viên nhận các nhận xét này khi nhập biên nhận.</source>
        <translation>Write a comment on the row of each question to look at again (double-click or F2 to edit). The surveyor gets these comments when importing the receipt.</translation>
    </message>
    <message>
        <source>Câu hỏi</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Nhận xét</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Trả lại</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Ghi ít nhất một nhận xét vào dòng của câu hỏi cần xem lại.</source>
        <translation>Write at least one comment on the row of a question to look at again.</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Hồ sơ nộp</source>
        <translation>Submission</translation>
    </message>
    <message>
        <source>Xung đột phiên bản</source>
        <translation>Version conflict</translation>
    </message>
    <message>
        <source>Trùng số định danh</source>
        <translation>Duplicate ID number</translation>
    </message>
    <message>
        <source>Từ thiết bị bị thu hồi</source>
        <translation>From a revoked device</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Phân loại</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Loại hỗ trợ</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Đơn vị hỗ trợ</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Đã xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đã hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Số nhân khẩu</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Thành viên {0}</source>
        <translation>Member {0}</translation>
    </message>
    <message>
        <source>Hàng chờ xem xét</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Hộ</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Mở lúc</source>
        <translation>Opened at</translation>
    </message>
    <message>
        <source>Các phiên bản (ai sửa, lúc nào):</source>
        <translation>Versions (who edited, when):</translation>
    </message>
    <message>
        <source>Từ</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Người sửa</source>
        <translation>Edited by</translation>
    </message>
    <message>
        <source>Lúc sửa</source>
        <translation>Edited at</translation>
    </message>
    <message>
        <source>&amp;Duyệt</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>&amp;Trả lại kèm nhận xét…</source>
        <translation>&amp;Return with comments…</translation>
    </message>
    <message>
        <source>Từ &amp;chối…</source>
        <translation>Re&amp;ject…</translation>
    </message>
    <message>
        <source>{0} mục đang chờ</source>
        <translation>{0} items waiting</translation>
    </message>
    <message>
        <source>Không còn mục nào chờ xem xét</source>
        <translation>Nothing left to review</translation>
    </message>
    <message>
        <source>Văn phòng xã</source>
        <translation>Commune office</translation>
    </message>
    <message>
        <source>Hộ đã vào sổ từ gói của rà soát viên. Duyệt để xác nhận, hoặc trả lại kèm nhận xét cho từng câu hỏi.</source>
        <translation>The household entered the register from a surveyor&apos;s bundle. Approve to confirm, or return it with comments on each question.</translation>
    </message>
    <message>
        <source>Hộ được sửa trên hai nơi từ cùng một bản gốc. Chọn phiên bản cần giữ trong bảng rồi bấm Duyệt; các phiên bản khác được báo “từ chối” trong biên nhận.</source>
        <translation>The household was edited in two places from the same original. Choose the version to keep in the table and press Approve; the other versions are reported as “rejected” in the receipt.</translation>
    </message>
    <message>
        <source>Hai hộ có thành viên trùng số định danh. Duyệt nếu đây thật sự là hai hộ khác nhau; từ chối để giữ nguyên và xử lý sau.</source>
        <translation>Two households have members with the same ID number. Approve if they really are two different households; reject to leave things as they are and deal with it later.</translation>
    </message>
    <message>
        <source>Gói từ thiết bị đã bị thu hồi: không bản ghi nào được đưa vào sổ. Chọn phiên bản để nhận rồi bấm Duyệt, hoặc từ chối.</source>
        <translation>A bundle from a revoked device: no record entered the register. Choose the version to accept and press Approve, or reject.</translation>
    </message>
    <message>
        <source>Khác nhau giữa các phiên bản:</source>
        <translation>Differences between the versions:</translation>
    </message>
    <message>
        <source>Nội dung hồ sơ:</source>
        <translation>Contents of the record:</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Lý do từ chối (ghi vào biên nhận gửi rà soát viên):</source>
        <translation>Reason for rejecting (written in the receipt for the surveyor):</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Thu hồi thiết bị</source>
        <translation>Revoke a device</translation>
    </message>
    <message>
        <source>Thu hồi “{0}” (máy bị mất, hỏng hoặc đổi người dùng). Các gói có số thứ tự lớn hơn mốc dưới đây sẽ không được nhập vào sổ hộ mà đưa vào hàng chờ xem xét. Không hoàn tác được.</source>
        <translation>Revoke “{0}” (laptop lost, broken or handed to someone else). Bundles numbered above the mark below will not enter the register but go to the review queue. This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Mốc (số thứ tự gói cuối cùng còn tin):</source>
        <translation>&amp;Mark (number of the last bundle still trusted):</translation>
    </message>
    <message>
        <source>Thu hồi</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Họ tên người rà soát, in trên phiếu</source>
        <translation>Name of the surveyor, printed on the sheet</translation>
    </message>
    <message>
        <source>&amp;Người rà soát:</source>
        <translation>&amp;Surveyor:</translation>
    </message>
    <message>
        <source>Ví dụ: Xã Quỳnh Thắng</source>
        <translation>For example: Xã Quỳnh Thắng</translation>
    </message>
    <message>
        <source>&amp;Xã/phường:</source>
        <translation>Co&amp;mmune:</translation>
    </message>
    <message>
        <source>Ngôn n&amp;gữ:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Cơ sở &amp;dữ liệu:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;Chọn…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Đổi ngôn ngữ hoặc cơ sở dữ liệu có hiệu lực khi mở lại phần mềm.</source>
        <translation>A new language or database takes effect when the software is opened again.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Chọn tệp cơ sở dữ liệu</source>
        <translation>Choose the database file</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu (*.sqlite)</source>
        <translation>Database (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>SheetVerifyDialog</name>
    <message>
        <source>Kiểm tra phiếu giấy</source>
        <translation>Check a paper sheet</translation>
    </message>
    <message>
        <source>Gõ mã kiểm tra in dưới mã QR của phiếu (ví dụ 7WE2-N7JV-1-XX8RWT2), hoặc quét mã QR bằng máy quét, rồi bấm Enter.</source>
        <translation>Type the check code printed under the sheet&apos;s QR code (for example 7WE2-N7JV-1-XX8RWT2), or scan the QR code, then press Enter.</translation>
    </message>
    <message>
        <source>Mã kiểm tra trên phiếu</source>
        <translation>Check code on the sheet</translation>
    </message>
    <message>
        <source>&amp;Kiểm tra</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>&amp;Mở hồ sơ hộ</source>
        <translation>&amp;Open the household</translation>
    </message>
    <message>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Chưa kiểm tra</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Chưa có mã để kiểm tra.</source>
        <translation>There is no code to check yet.</translation>
    </message>
    <message>
        <source>Hộ {0} (số {1} trong sổ hộ, {2}).</source>
        <translation>Household {0} (number {1} in the register, {2}).</translation>
    </message>
    <message>
        <source>✔ Phiếu khớp với dữ liệu</source>
        <translation>✔ The sheet matches the record</translation>
    </message>
    <message>
        <source>{0} Hồ sơ chưa thay đổi từ khi in phiếu (phiên bản {1}).</source>
        <translation>{0} The record has not changed since the sheet was printed (version {1}).</translation>
    </message>
    <message>
        <source>⚠ Phiếu đã cũ: hồ sơ đã thay đổi sau khi in</source>
        <translation>⚠ Outdated sheet: the record changed after printing</translation>
    </message>
    <message>
        <source>{0} Phiếu in từ phiên bản {1} của hồ sơ; hồ sơ hiện là phiên bản {2}. Hãy in lại phiếu và cho hộ ký lại.</source>
        <translation>{0} The sheet was printed from version {1} of the record; the record is now version {2}. Print the sheet again and have the household sign again.</translation>
    </message>
    <message>
        <source>✖ Không tìm thấy hồ sơ của phiếu này</source>
        <translation>✖ No record matches this sheet</translation>
    </message>
    <message>
        <source>Mã đúng dạng nhưng không ứng với hộ nào trong cơ sở dữ liệu này. Phiếu có thể in từ máy khác hoặc từ hồ sơ đã xóa.</source>
        <translation>The code is well formed but matches no household in this database. The sheet may come from another computer or from a deleted record.</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Đồ&amp;ng bộ</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>Xuất gói gửi văn phòng…</source>
        <translation>Export the bundle for the office…</translation>
    </message>
    <message>
        <source>Nhập tệp đồng bộ…</source>
        <translation>Import a sync file…</translation>
    </message>
    <message>
        <source>Nhận xét của xã về hộ này…</source>
        <translation>The commune&apos;s comments on this household…</translation>
    </message>
    <message>
        <source>Hàng chờ xem xét…</source>
        <translation>Review queue…</translation>
    </message>
    <message>
        <source>Thiết bị đã đăng ký…</source>
        <translation>Registered devices…</translation>
    </message>
    <message>
        <source>Ghi kết quả họp dân…</source>
        <translation>Record village meeting…</translation>
    </message>
    <message>
        <source>Ghi quyết định công nhận…</source>
        <translation>Record the recognition decision…</translation>
    </message>
    <message>
        <source>Thiết lập khóa…</source>
        <translation>Set up keys…</translation>
    </message>
    <message>
        <source>Khóa của máy này…</source>
        <translation>This computer&apos;s key…</translation>
    </message>
    <message>
        <source>Xã trả lại hộ {0} để rà soát lại:</source>
        <translation>The commune returned household {0} for another survey:</translation>
    </message>
    <message>
        <source>Xã không trả lại hộ {0}.</source>
        <translation>The commune has not returned household {0}.</translation>
    </message>
    <message>
        <source>Nhận xét của xã</source>
        <translation>The commune&apos;s comments</translation>
    </message>
    <message>
        <source>Chưa tin khóa văn phòng xã</source>
        <translation>The commune office&apos;s key is not trusted yet</translation>
    </message>
    <message>
        <source>Gói dữ liệu được mã hóa cho văn phòng xã, nên máy này cần tin tệp khóa công khai của văn phòng trước. Mở “Khóa của máy này” và chọn “Tin khóa văn phòng xã…”.</source>
        <translation>Data bundles are encrypted for the commune office, so this computer must first trust the office&apos;s public key file. Open “This computer&apos;s key” and choose “Trust the commune office&apos;s key…”.</translation>
    </message>
    <message>
        <source>Đang xuất gói dữ liệu…</source>
        <translation>Exporting the data bundle…</translation>
    </message>
    <message>
        <source>Đã xuất gói số {0}: {1}</source>
        <translation>Bundle number {0} exported: {1}</translation>
    </message>
    <message>
        <source>Đã xuất gói dữ liệu</source>
        <translation>Data bundle exported</translation>
    </message>
    <message>
        <source>Đã ghi gói số {0}: {1}
{2}.
Mang tệp này lên văn phòng xã (USB hoặc gửi qua ứng dụng nhắn tin); các hộ trong gói bỏ dấu “chưa gửi”.</source>
        <translation>Bundle number {0} written: {1}
{2}.
Take this file to the commune office (USB or a messaging app); the households in it lose their “not sent” mark.</translation>
    </message>
    <message>
        <source>Chọn tệp đồng bộ</source>
        <translation>Choose a sync file</translation>
    </message>
    <message>
        <source>Tệp đồng bộ (*.ngheo)</source>
        <translation>Sync file (*.ngheo)</translation>
    </message>
    <message>
        <source>Đang nhập {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>Đã nhập gói số {0} từ {1}: {2}.</source>
        <translation>Bundle number {0} from {1} imported: {2}.</translation>
    </message>
    <message>
        <source>Chú ý: chưa nhận các gói số {0} của thiết bị này.</source>
        <translation>Note: bundles number {0} of this device have not been received.</translation>
    </message>
    <message>
        <source>Xem và quyết định trong Đồng bộ → Hàng chờ xem xét.</source>
        <translation>Look and decide in Sync → Review queue.</translation>
    </message>
    <message>
        <source>Đã nhập biên nhận: {0}. Hộ bị trả lại được mở lại kèm nhận xét của xã.</source>
        <translation>Receipt imported: {0}. Returned households are reopened with the commune&apos;s comments.</translation>
    </message>
    <message>
        <source>Đã nhập tệp giao việc: thêm {0} hộ, cập nhật {1}, giữ bản sửa trên máy {2}, {3} tệp biểu mẫu.</source>
        <translation>Assignment file imported: {0} households added, {1} updated, {2} kept as edited on this laptop, {3} form files.</translation>
    </message>
    <message>
        <source>Theo văn phòng xã, đã cập nhật tên hoặc khu vực của {0} đơn vị hành chính.</source>
        <translation>Following the commune office, updated the name or area of {0} administrative unit(s).</translation>
    </message>
    <message>
        <source>Đã nhập {0}</source>
        <translation>{0} imported</translation>
    </message>
</context>
<context>
    <name>SyncScreens</name>
    <message>
        <source>gói dữ liệu</source>
        <translation>data bundle</translation>
    </message>
    <message>
        <source>biên nhận</source>
        <translation>receipt</translation>
    </message>
    <message>
        <source>tệp giao việc</source>
        <translation>assignment file</translation>
    </message>
    <message>
        <source>hộ</source>
        <translation>households</translation>
    </message>
    <message>
        <source>nhân khẩu</source>
        <translation>members</translation>
    </message>
    <message>
        <source>phiếu rà soát</source>
        <translation>reviews</translation>
    </message>
    <message>
        <source>khoản hỗ trợ</source>
        <translation>support records</translation>
    </message>
    <message>
        <source>tệp biểu mẫu</source>
        <translation>form files</translation>
    </message>
    <message>
        <source>chấp nhận</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>trả lại</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>từ chối</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>thêm mới</source>
        <translation>added</translation>
    </message>
    <message>
        <source>cập nhật</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>không đổi</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>xung đột (chờ xem xét)</source>
        <translation>conflicts (waiting for review)</translation>
    </message>
    <message>
        <source>giữ lại chờ xem xét</source>
        <translation>held for review</translation>
    </message>
    <message>
        <source>không có bản ghi nào</source>
        <translation>no records</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>nông thôn</source>
        <translation>rural</translation>
    </message>
    <message>
        <source>thành thị</source>
        <translation>urban</translation>
    </message>
    <message>
        <source>Đơn vị hành chính</source>
        <translation>Administrative units</translation>
    </message>
    <message>
        <source>Khu vực (nông thôn hay thành thị) quyết định chuẩn thu nhập áp dụng cho các hộ. Sửa ở đây thì vị trí ghi trong hồ sơ của mọi hộ thuộc đơn vị được cập nhật theo.</source>
        <translation>The area (rural or urban) decides which income line applies to households. A change here updates the location recorded for every household in the unit.</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Khu vực</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>&amp;Tên:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Loại:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Khu vực:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>&amp;Lưu thay đổi</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <source>chưa rõ</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>{0} (theo cấp trên)</source>
        <translation>{0} (from the unit above)</translation>
    </message>
    <message>
        <source>Theo xã, phường ({0})</source>
        <translation>From the commune or ward ({0})</translation>
    </message>
    <message>
        <source>Tên đơn vị không được để trống.</source>
        <translation>The unit needs a name.</translation>
    </message>
    <message>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <source>Hãy đóng các cửa sổ hộ đang mở trước ({0}): hồ sơ các hộ sẽ được cập nhật theo đơn vị hành chính. Mọi câu trả lời đã được lưu.</source>
        <translation>Close the open household windows first ({0}): the household records will be updated to follow the administrative unit. Every answer is already saved.</translation>
    </message>
    <message>
        <source>Đổi khu vực?</source>
        <translation>Change the area?</translation>
    </message>
    <message>
        <source>{0} sẽ là khu vực {1}. Hồ sơ của {2} hộ được cập nhật và các hộ này được đo theo chuẩn thu nhập của khu vực {1}. Tiếp tục?</source>
        <translation>{0} will be {1}. The records of {2} households are updated and these households are measured against the {1} income line. Continue?</translation>
    </message>
    <message>
        <source>Đang cập nhật hồ sơ các hộ của {0}…</source>
        <translation>Updating the household records of {0}…</translation>
    </message>
    <message>
        <source>Đã sửa {0}; cập nhật vị trí trong hồ sơ của {1} hộ.</source>
        <translation>Saved {0}; updated the location in {1} household records.</translation>
    </message>
    <message>
        <source>{0} hộ có kết quả đã ghi khác với kết quả theo khu vực mới, cần rà soát lại:</source>
        <translation>{0} households have a recorded result that differs from the result for the new area and need to be assessed again:</translation>
    </message>
    <message>
        <source>• số {0}: {1}, {2}</source>
        <translation>• no. {0}: {1}, {2}</translation>
    </message>
    <message>
        <source>… và {0} hộ khác.</source>
        <translation>… and {0} more households.</translation>
    </message>
    <message>
        <source>Gửi lại tệp giao việc cho các thôn này để máy rà soát viên nhận thông tin mới.</source>
        <translation>Send these villages a new assignment file so the surveyors&apos; laptops receive the change.</translation>
    </message>
    <message>
        <source>Đã sửa đơn vị hành chính</source>
        <translation>Administrative unit saved</translation>
    </message>
</context>
<context>
    <name>VillageMeetingDialog</name>
    <message>
        <source>Ghi kết quả họp dân</source>
        <translation>Record village meeting</translation>
    </message>
    <message>
        <source>Đợt &amp;rà soát:</source>
        <translation>Review &amp;round:</translation>
    </message>
    <message>
        <source>&amp;Thôn/tổ dân phố:</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <source>&amp;Ngày họp:</source>
        <translation>Meeting &amp;date:</translation>
    </message>
    <message>
        <source>Họ tên, chức vụ</source>
        <translation>Full name, position</translation>
    </message>
    <message>
        <source>&amp;Chủ trì:</source>
        <translation>&amp;Chaired by:</translation>
    </message>
    <message>
        <source>Thư &amp;ký:</source>
        <translation>&amp;Secretary:</translation>
    </message>
    <message>
        <source>Số người &amp;dự họp:</source>
        <translation>&amp;Attendance:</translation>
    </message>
    <message>
        <source>Hộ được từ {0:.0%} số người dự họp trở lên đồng ý thì kết quả được thông qua; dưới mức đó phải rà soát lại (Quyết định 24/2021/QĐ-TTg).</source>
        <translation>A household&apos;s result stands when at least {0:.0%} of those attending agree; below that it is surveyed again (Decision 24/2021/QĐ-TTg).</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Chủ hộ</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Phân loại đề xuất</source>
        <translation>Proposed class</translation>
    </message>
    <message>
        <source>Số người đồng ý</source>
        <translation>Agreeing</translation>
    </message>
    <message>
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Ghi kết quả</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Đạt</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>Rà soát lại</source>
        <translation>Re-survey</translation>
    </message>
    <message>
        <source>Cần có đợt rà soát và thôn để ghi kết quả họp dân.</source>
        <translation>A review round and a village are needed to record a village meeting.</translation>
    </message>
    <message>
        <source>Ghi họ tên người chủ trì và thư ký (in trên biên bản).</source>
        <translation>Enter who chaired and who took the minutes (printed on the minutes).</translation>
    </message>
    <message>
        <source>Thôn này không có hộ nào được đề xuất nghèo hoặc cận nghèo để họp dân.</source>
        <translation>No household in this village is proposed as poor or near-poor for the meeting.</translation>
    </message>
    <message>
        <source>Đã ghi kết quả họp dân</source>
        <translation>Village meeting recorded</translation>
    </message>
    <message>
        <source>{0} hộ được đưa vào danh sách, {1} hộ phải rà soát lại.
In biên bản: Tệp → In biên bản họp dân…</source>
        <translation>{0} households go on the list, {1} must be surveyed again.
To print the minutes: File → Print village meeting minutes…</translation>
    </message>
</context>
<context>
    <name>VillageTree</name>
    <message>
        <source>Cả xã</source>
        <translation>Whole commune</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Cơ sở dữ liệu trên ổ đĩa rời hoặc ổ mạng</source>
        <translation>Database on a removable or network drive</translation>
    </message>
</context>
</TS>
