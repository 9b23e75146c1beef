<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
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
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Chưa gửi lên xã</source>
        <translation>Not yet sent to the commune</translation>
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
        <source>Xuất gói gửi văn phòng…</source>
        <translation>Export the bundle for the office…</translation>
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
        <source>Theo {0}: {1} hộ, {2} hộ đổi phân loại.</source>
        <translation>Under {0}: {1} households, {2} change class.</translation>
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
        <source>Phần mềm rà soát hộ nghèo, hộ cận nghèo — phiên bản {0}.
Chuẩn nghèo, phiếu rà soát và bảng điểm được đọc từ thư mục forms/; kết quả nêu lý do của từng chỉ số.</source>
        <translation>Poor and near-poor household review — version {0}.
Poverty standards, the questionnaire and score tables are read from forms/; every result gives the reason for each indicator.</translation>
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
        <source>Hủy</source>
        <translation>Cancel</translation>
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
    <name>OutputActions</name>
    <message>
        <source>Xuất gói gửi văn phòng</source>
        <translation>Export the bundle for the office</translation>
    </message>
    <message>
        <source>Mật khẩu khóa của máy này:</source>
        <translation>Passphrase of this computer&apos;s key:</translation>
    </message>
    <message>
        <source>Lưu gói dữ liệu</source>
        <translation>Save the data bundle</translation>
    </message>
    <message>
        <source>Gói dữ liệu (*.ngheo)</source>
        <translation>Data bundle (*.ngheo)</translation>
    </message>
    <message>
        <source>Đã xuất gói số {0}: {1}</source>
        <translation>Bundle number {0} exported: {1}</translation>
    </message>
    <message>
        <source>Đang xuất gói dữ liệu…</source>
        <translation>Exporting the data bundle…</translation>
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
        <translation>Print a village's sheets</translation>
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
        <translation>&amp;Commune:</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Chọn…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Cơ sở dữ liệu:</source>
        <translation>&amp;Database:</translation>
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
        <source>Hủy</source>
        <translation>Cancel</translation>
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
    <name>VillageTree</name>
    <message>
        <source>Cả xã</source>
        <translation>Whole commune</translation>
    </message>
</context>
</TS>
